import { approvalsEntities } from '@qa/approvals-infrastructure';
import { analyticsEntities } from '@qa/analytics-infrastructure';
import { auditEntities } from '@qa/audit-infrastructure';
import { crmEntities } from '@qa/crm-infrastructure';
import { identityEntities } from '@qa/identity-infrastructure';
import { quotesEntities } from '@qa/quotes-infrastructure';
import { tasksEntities } from '@qa/tasks-infrastructure';
import { notificationsEntities } from '@qa/notifications-infrastructure';
import { workflowsEntities } from '@qa/workflows-infrastructure';
import { IdempotencyRecordSchema } from '@qa/shared-http';
import { messagingEntities } from '@qa/shared-messaging';

/** Every context's MikroORM entity schemas. A new context adds its list here. */
export const allEntities = [...messagingEntities, IdempotencyRecordSchema, ...identityEntities, ...crmEntities, ...quotesEntities, ...tasksEntities, ...notificationsEntities, ...workflowsEntities, ...approvalsEntities, ...auditEntities, ...analyticsEntities];
