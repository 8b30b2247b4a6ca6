import { readJson, readProjectConfiguration, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { contextGenerator, singular } from './context.generator';

describe('context generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('tsconfig.base.json', JSON.stringify({ compilerOptions: { paths: {} } }));
    tree.write('tools/contexts.json', JSON.stringify({ contexts: ['quotes'] }));
  });
  const sources = (context: string) =>
    tree
      .listChanges()
      .map((change) => change.path)
      .filter((path) => path.startsWith(`libs/${context}/`) && path.includes('/src/'))
      .sort();

  it('creates the five layer libraries with scope, type and platform tags', async () => {
    await contextGenerator(tree, { name: 'invoices' });
    expect(readProjectConfiguration(tree, 'invoices-domain').tags).toEqual(['scope:invoices', 'type:domain', 'platform:any']);
    expect(readProjectConfiguration(tree, 'invoices-application').tags).toEqual(['scope:invoices', 'type:application', 'platform:node']);
    expect(readProjectConfiguration(tree, 'invoices-infrastructure').tags).toEqual(['scope:invoices', 'type:infrastructure', 'platform:node']);
    expect(readProjectConfiguration(tree, 'invoices-api').tags).toEqual(['scope:invoices', 'type:api', 'platform:node']);
    expect(readProjectConfiguration(tree, 'invoices-contracts').tags).toEqual(['scope:invoices', 'type:contracts', 'platform:any']);
    expect(readJson(tree, 'libs/invoices/contracts/package.json').name).toBe('@qa/invoices-contracts');
  });

  it('lays out a sample aggregate and one use case folder in the house style', async () => {
    await contextGenerator(tree, { name: 'invoices' });
    expect(sources('invoices')).toEqual([
      'libs/invoices/api/src/index.ts',
      'libs/invoices/api/src/invoices.module.ts',
      'libs/invoices/application/src/commands/create-invoice/create-invoice.command.ts',
      'libs/invoices/application/src/commands/create-invoice/create-invoice.handler.spec.ts',
      'libs/invoices/application/src/commands/create-invoice/create-invoice.handler.ts',
      'libs/invoices/application/src/index.ts',
      'libs/invoices/application/src/invoices.handlers.ts',
      'libs/invoices/contracts/src/index.ts',
      'libs/invoices/contracts/src/invoice.events.ts',
      'libs/invoices/domain/src/index.ts',
      'libs/invoices/domain/src/invoice.repository.ts',
      'libs/invoices/domain/src/invoice.spec.ts',
      'libs/invoices/domain/src/invoice.ts',
      'libs/invoices/domain/src/invoices.errors.ts',
      'libs/invoices/infrastructure/src/index.ts',
      'libs/invoices/infrastructure/src/invoice.schema.ts',
      'libs/invoices/infrastructure/src/mikro-orm-invoice.repository.ts',
    ]);
    expect(tree.read('libs/invoices/application/src/commands/create-invoice/create-invoice.command.ts', 'utf8')).toContain(
      'export class CreateInvoiceCommand extends Command<{ id: string }> {',
    );
    expect(tree.read('libs/invoices/contracts/src/invoice.events.ts', 'utf8')).toContain(
      "export const InvoiceCreated = integrationEvent<InvoiceCreatedPayload>('invoices.invoice.created.v1');",
    );
    expect(tree.read('libs/invoices/infrastructure/src/invoice.schema.ts', 'utf8')).toContain("tableName: 'invoices_invoice',");
    expect(tree.read('libs/invoices/api/src/invoices.module.ts', 'utf8')).toContain('export class InvoicesModule {}');
  });

  it('writes index.ts files that only re-export', async () => {
    await contextGenerator(tree, { name: 'invoices' });
    const indexes = sources('invoices').filter((path) => path.endsWith('/index.ts'));
    expect(indexes).toHaveLength(5);
    for (const path of indexes) {
      const [comment, ...lines] = tree.read(path, 'utf8')!.trim().split('\n');
      expect(comment, path).toMatch(/^\/\/ @qa\/invoices-\w+: /);
      expect(lines.length, path).toBeGreaterThan(0);
      for (const line of lines) expect(line, path).toMatch(/^export \* from '\.\/[\w./-]+';$/);
    }
    expect(tree.read('libs/invoices/application/src/index.ts', 'utf8')).toContain("export * from './commands/create-invoice/create-invoice.command';");
  });

  it('names the aggregate as asked, with class, property and table names from it', async () => {
    await contextGenerator(tree, { name: 'purchase-orders', aggregate: 'order-line' });
    const handler = tree.read('libs/purchase-orders/application/src/commands/create-order-line/create-order-line.handler.ts', 'utf8');
    expect(handler).toContain("import { OrderLine, OrderLineRepository } from '@qa/purchase-orders-domain';");
    expect(handler).toContain('const orderLine = OrderLine.create({ name, now: this.clock.now() });');
    expect(tree.read('libs/purchase-orders/application/src/purchase-orders.handlers.ts', 'utf8')).toContain('export const purchaseOrdersHandlers = [CreateOrderLineHandler];');
    expect(tree.read('libs/purchase-orders/domain/src/purchase-orders.errors.ts', 'utf8')).toContain("'PURCHASE_ORDERS.NAME_REQUIRED'");
    expect(tree.read('libs/purchase-orders/infrastructure/src/order-line.schema.ts', 'utf8')).toContain("tableName: 'purchase_orders_order_line',");
  });

  it('registers the import paths and the context for the boundary rules', async () => {
    await contextGenerator(tree, { name: 'invoices' });
    const paths = readJson(tree, 'tsconfig.base.json').compilerOptions.paths;
    expect(paths['@qa/invoices-domain']).toEqual(['libs/invoices/domain/src/index.ts']);
    expect(Object.keys(paths)).toEqual(['@qa/invoices-api', '@qa/invoices-application', '@qa/invoices-contracts', '@qa/invoices-domain', '@qa/invoices-infrastructure']);
    expect(readJson(tree, 'tools/contexts.json').contexts).toEqual(['invoices', 'quotes']);
  });

  it('refuses a name that is not kebab case, and an existing context', async () => {
    await expect(contextGenerator(tree, { name: 'Invoices' })).rejects.toThrow(/kebab case/);
    await expect(contextGenerator(tree, { name: 'invoices', aggregate: 'Invoice' })).rejects.toThrow(/Aggregate name "Invoice" must be kebab case/);
    await contextGenerator(tree, { name: 'invoices' });
    await expect(contextGenerator(tree, { name: 'invoices' })).rejects.toThrow(/already exists/);
  });

  it('takes the aggregate name from the context name', () => {
    expect(['invoices', 'policies', 'crm', 'address', 'purchase-orders'].map(singular)).toEqual(['invoice', 'policy', 'crm', 'address', 'purchase-order']);
  });
});
