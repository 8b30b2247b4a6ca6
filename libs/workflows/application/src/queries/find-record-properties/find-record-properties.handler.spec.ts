import { FindRecordPropertiesQuery } from '@qa/workflows-contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryProperties } from '../../testing/in-memory-workflows';
import { FindRecordPropertiesHandler } from './find-record-properties.handler';

describe('FindRecordPropertiesHandler', () => {
  let properties: MemoryProperties;
  beforeEach(async () => {
    properties = new MemoryProperties();
    await properties.set('quote', 'q-1', 'approval_status', 'Pending approval', 'workflow:wf-1', 'run-1');
    await properties.set('quote', 'q-1', 'approval_status', 'Approved', 'workflow:wf-2', 'run-2');
    await properties.set('quote', 'q-1', 'risk_score', 7, 'u-admin', null);
    await properties.set('quote', 'q-2', 'region', 'EMEA', 'u-admin', null);
  });

  it("answers the record's current values by name", async () => {
    expect(await new FindRecordPropertiesHandler(properties).execute(new FindRecordPropertiesQuery('quote', 'q-1'))).toEqual({ approval_status: 'Approved', risk_score: 7 });
  });

  it('answers {} for a record without properties', async () => {
    expect(await new FindRecordPropertiesHandler(properties).execute(new FindRecordPropertiesQuery('quote', 'q-3'))).toEqual({});
  });
});
