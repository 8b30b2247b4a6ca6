import type { Caller } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryProperties } from '../../testing/in-memory-workflows';
import { GetRecordPropertiesQuery } from './get-record-properties.query';
import { GetRecordPropertiesHandler } from './get-record-properties.handler';

describe('GetRecordPropertiesHandler', () => {
  let properties: MemoryProperties;
  beforeEach(async () => {
    properties = new MemoryProperties();
    await properties.rememberRecord('quote', 'q-1', { ownerId: 'u-rep' });
    await properties.set('quote', 'q-1', 'approval_status', 'Pending approval', 'workflow:wf-1', 'run-1');
    await properties.set('quote', 'q-1', 'approval_status', 'Approved', 'workflow:wf-2', 'run-2');
  });
  const caller = (role: Caller['role'], userId: string) => ({ role, userId }) as Caller;

  it('answers the properties and their history, newest first', async () => {
    const result = await new GetRecordPropertiesHandler(properties).execute(new GetRecordPropertiesQuery(caller('manager', 'u-manager'), 'quote', 'q-1'));
    expect(result.properties.map((p) => [p.name, p.value, p.updatedBy])).toEqual([['approval_status', 'Approved', 'workflow:wf-2']]);
    expect(result.history.map((h) => [h.value, h.previousValue])).toEqual([
      ['Approved', 'Pending approval'],
      ['Pending approval', null],
    ]);
  });

  it('shows a rep only their own records', async () => {
    const handler = new GetRecordPropertiesHandler(properties);
    expect((await handler.execute(new GetRecordPropertiesQuery(caller('rep', 'u-rep'), 'quote', 'q-1'))).properties).toHaveLength(1);
    await expect(handler.execute(new GetRecordPropertiesQuery(caller('rep', 'u-other'), 'quote', 'q-1'))).rejects.toMatchObject({ code: 'WORKFLOWS.RECORD_NOT_FOUND' });
  });
});
