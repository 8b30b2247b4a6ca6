import { describe, expect, it } from 'vitest';
import { renderTemplate } from './templating';

describe('renderTemplate: only the own data of the record and the event', () => {
  const context = () => ({
    record: { number: 'Q-2026-0001', total: 1250.5, signed: false, approverIds: ['u-1', 'u-2'], nested: { city: 'Utrecht' }, nothing: null },
    event: { name: 'quotes.quote.submitted.v1', payload: { notes: 'Lower the discount', lines: [{ name: 'Design' }] } },
    run: { id: 'run-1', workflow: 'Approvals' },
  });

  it('renders declared fields, nested data, numbers, booleans and lists of values', () => {
    expect(renderTemplate('{{record.number}} {{record.total}} {{record.signed}} {{record.approverIds}} {{record.nested.city}} {{event.payload.lines.0.name}} {{run.workflow}}', context())).toBe(
      'Q-2026-0001 1250.5 false u-1,u-2 Utrecht Design Approvals',
    );
    expect(renderTemplate('[{{record.nothing}}][{{record.missing.deeper}}]', context())).toBe('[][]');
  });

  it.each([
    '{{record.constructor}}',
    '{{record.__proto__}}',
    '{{record.__proto__.constructor}}',
    '{{record.constructor.constructor}}',
    '{{record.constructor.prototype}}',
    '{{record.constructor.name}}',
    '{{record.toString}}',
    '{{record.valueOf}}',
    '{{record.hasOwnProperty}}',
    '{{record.__defineGetter__}}',
    '{{record.__lookupGetter__}}',
    '{{record.number.constructor}}',
    '{{record.number.length}}',
    '{{record.number.toUpperCase}}',
    '{{record.approverIds.constructor}}',
    '{{record.approverIds.map}}',
    '{{record.approverIds.length}}',
    '{{record.nested.__proto__.toString}}',
    '{{event.payload.__proto__}}',
    '{{event.payload.constructor.constructor}}',
    '{{event.payload.lines.__proto__}}',
    '{{event.payload.lines.0.constructor}}',
    '{{constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '{{ record.constructor }}',
  ])('renders %s as empty text', (template) => {
    expect(renderTemplate(`[${template}]`, context())).toBe('[]');
  });

  it('never reaches inherited properties, getters or objects that are not plain data', () => {
    const inherited = Object.create({ secret: 'from the prototype' }) as Record<string, unknown>;
    let getterRan = false;
    const withGetter = { get secret() {
      getterRan = true;
      return 'from a getter';
    } };
    class Box {
      secret = 'in a class instance';
    }
    const record = { inherited, withGetter, box: new Box(), map: new Map([['secret', 'in a map']]), fn: () => 'called' };
    expect(renderTemplate('[{{record.inherited.secret}}][{{record.withGetter.secret}}][{{record.box.secret}}][{{record.map.secret}}][{{record.fn}}][{{record.fn.name}}]', { record })).toBe('[][][][][][]');
    expect(getterRan).toBe(false);
    // A whole object renders as nothing rather than "[object Object]".
    expect(renderTemplate('[{{record}}]', { record: { a: 1 } })).toBe('[]');
  });

  it('reaches own fields named like Object.prototype members when the data has them', () => {
    expect(renderTemplate('{{record.toString}} {{record.valueOf}}', { record: JSON.parse('{"toString":"a","valueOf":"b"}') })).toBe('a b');
  });
});
