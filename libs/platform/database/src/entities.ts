import { identityEntities } from '@qa/identity-infrastructure';
import { messagingEntities } from '@qa/shared-messaging';

/** Every context's MikroORM entity schemas. A new context adds its list here. */
export const allEntities = [...messagingEntities, ...identityEntities];
