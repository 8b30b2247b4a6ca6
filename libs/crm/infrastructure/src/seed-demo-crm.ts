import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CreateCompanyCommand, CreateContactCommand, CreateDealCommand, ListCompaniesQuery } from '@qa/crm-application';
import type { DealStage } from '@qa/crm-contracts';

/** Demo companies, contacts and deals for the quick start; skipped when any company exists. */
export async function seedDemoCrm(buses: { commands: CommandBus; queries: QueryBus }, owners: { rep: string; rep2: string }): Promise<boolean> {
  if ((await buses.queries.execute(new ListCompaniesQuery())).length > 0) return false; // demo companies and contacts are shared (no owner)
  const company = (props: { name: string; domain: string; country: string }) => buses.commands.execute(new CreateCompanyCommand(props));
  const contact = (props: { name: string; email: string; companyId: string }) => buses.commands.execute(new CreateContactCommand(props));
  const deal = (props: { name: string; amountMinor: number; currency: string; ownerId: string; stage: DealStage; companyId: string }) => buses.commands.execute(new CreateDealCommand(props));
  const acme = await company({ name: 'Acme BV', domain: 'acme.example', country: 'NL' });
  const globex = await company({ name: 'Globex NV', domain: 'globex.example', country: 'DE' });
  const initech = await company({ name: 'Initech', domain: 'initech.example', country: 'US' });
  await contact({ name: 'Anna de Vries', email: 'anna@acme.example', companyId: acme.id });
  await contact({ name: 'Bram Jansen', email: 'bram@acme.example', companyId: acme.id });
  await contact({ name: 'Carla Smit', email: 'carla@globex.example', companyId: globex.id });
  await contact({ name: 'Peter Gibbons', email: 'peter@initech.example', companyId: initech.id });
  await deal({ name: 'Acme website redesign', amountMinor: 2_400_000, currency: 'EUR', ownerId: owners.rep, stage: 'presentation_scheduled', companyId: acme.id });
  await deal({ name: 'Acme support contract', amountMinor: 600_000, currency: 'EUR', ownerId: owners.rep, stage: 'qualified_to_buy', companyId: acme.id });
  await deal({ name: 'Globex data platform', amountMinor: 9_500_000, currency: 'EUR', ownerId: owners.rep2, stage: 'decision_maker_bought_in', companyId: globex.id });
  await deal({ name: 'Initech TPS reports', amountMinor: 150_000, currency: 'USD', ownerId: owners.rep2, stage: 'appointment_scheduled', companyId: initech.id });
  return true;
}
