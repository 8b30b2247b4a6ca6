import { EntitySchema } from '@mikro-orm/core';
import { ApprovalLinkUse } from '@qa/approvals-domain';

export const ApprovalLinkUseSchema = new EntitySchema<ApprovalLinkUse>({
  class: ApprovalLinkUse,
  tableName: 'approvals_link_use',
  properties: {
    // The primary key is the link's id: a second use cannot be written.
    linkId: { type: 'string', primary: true, length: 32 },
    requestId: { type: 'string', length: 36, index: 'approvals_link_use_request_index' },
    approverId: { type: 'string', length: 36 },
    step: { type: 'integer' },
    action: { type: 'string', length: 20 },
    usedAt: { type: 'datetime' },
  },
});
