import { identityEntities } from '@qa/identity-infrastructure';

/** Every context's MikroORM entity schemas. A new context adds its list here. */
export const allEntities = [...identityEntities];
