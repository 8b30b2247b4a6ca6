import { Query } from '@nestjs/cqrs';
import type { UserSummary } from './user-summary';

/**
 * Every user, active or not, with team and reportsTo: for approval routing ("the owner's
 * manager, or N levels up", "everyone in team X", "everyone with role Y"). Send it on the QueryBus.
 */
export class ListOrgDirectoryQuery extends Query<UserSummary[]> {}
