import { Body, Controller, Get, HttpCode, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComparePolicyVersionsQuery, GetPolicyVersionQuery, ListPolicyVersionsQuery, RestorePolicyVersionCommand } from '@qa/approvals-application';
import { DEFAULT_REMINDER_COOLDOWN_HOURS, type ApprovalSettings, type PolicyVersion } from '@qa/approvals-domain';
import { CqrsController, CurrentCaller, Roles, validationFailed } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import type { PolicyRuleRequest } from './approvals.dtos';
import { PolicyComparisonResponse, PolicyVersionListResponse, PolicyVersionResponse, PolicyVersionsCompareQuery, PolicyVersionsListQuery, RestorePolicyVersionRequest } from './policy-versions.dtos';

/** The largest version a column holds (a 4-byte integer). */
const MAX_VERSION = 2_147_483_647;

/** `:version`: a whole number from 1, else 400 naming `version`. */
const versionNumber: PipeTransform<string, number> = {
  transform(value: string) {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_VERSION) throw validationFailed([{ field: 'version', reason: 'must be a whole number from 1' }]);
    return Number(value);
  },
};

export const policyVersionView = (v: PolicyVersion): PolicyVersionResponse => ({
  version: v.version,
  createdAt: new Date(v.createdAt).toISOString(),
  authorId: v.authorId,
  note: v.note,
  restoredFrom: v.restoredFrom,
  policy: {
    requireApproval: v.snapshot.requireApproval,
    defaultApproverId: v.snapshot.defaultApproverId,
    rules: v.snapshot.rules.map((r) => ({ ...r, watchedFields: r.watchedFields ?? [] })) as PolicyRuleRequest[],
    baseCurrency: v.snapshot.baseCurrency,
    exchangeRates: v.snapshot.exchangeRates ?? {},
    businessHours: v.snapshot.businessHours,
    reminderCooldownHours: v.snapshot.reminderCooldownHours ?? DEFAULT_REMINDER_COOLDOWN_HOURS,
    version: v.version,
    updatedAt: new Date(v.createdAt).toISOString(),
  },
});

/**
 * The approval policy's history (admins, as the policy itself): every save is a version with its
 * author, time and note; two compare as structured differences; an old one is restored as a new save.
 */
@ApiTags('approvals')
@Controller({ path: 'approvals/policy/versions', version: '1' })
export class PolicyVersionsController extends CqrsController {
  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listPolicyVersions', summary: "The approval policy's versions, newest first, with author and note (admins)" })
  @ApiOkResponse({ type: PolicyVersionListResponse })
  async list(@Query() query: PolicyVersionsListQuery): Promise<PolicyVersionListResponse> {
    const { items, nextBefore } = await this.queries.execute(new ListPolicyVersionsQuery(query.before ?? null, query.limit ?? 25));
    return {
      items: items.map(({ version: v, authorName }) => ({ version: v.version, createdAt: new Date(v.createdAt).toISOString(), authorId: v.authorId, authorName, note: v.note, restoredFrom: v.restoredFrom })),
      nextBefore,
    };
  }

  @Get('compare')
  @Roles('admin')
  @ApiOperation({ operationId: 'comparePolicyVersions', summary: 'Two versions of the approval policy side by side, with the differences from one to the other as codes (admins)' })
  @ApiOkResponse({ type: PolicyComparisonResponse })
  async compare(@Query() query: PolicyVersionsCompareQuery): Promise<PolicyComparisonResponse> {
    const { from, to, differences } = await this.queries.execute(new ComparePolicyVersionsQuery(query.from, query.to));
    return { from: policyVersionView(from), to: policyVersionView(to), differences };
  }

  @Get(':version')
  @Roles('admin')
  @ApiOperation({ operationId: 'getPolicyVersion', summary: 'One version of the approval policy: the policy as that save left it (admins)' })
  @ApiOkResponse({ type: PolicyVersionResponse })
  async get(@Param('version', versionNumber) version: number): Promise<PolicyVersionResponse> {
    return policyVersionView(await this.queries.execute(new GetPolicyVersionQuery(version)));
  }

  @Post(':version/restore')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'restorePolicyVersion', summary: 'Put an earlier version of the approval policy back, saved as a new version (admins; approvers no longer eligible: 422)' })
  @ApiOkResponse({ type: PolicyVersionResponse, description: 'The new version.' })
  async restore(@CurrentCaller() caller: Caller, @Param('version', versionNumber) version: number, @Body() body: RestorePolicyVersionRequest): Promise<PolicyVersionResponse> {
    const settings: ApprovalSettings = await this.commands.execute(new RestorePolicyVersionCommand(caller, version, body.expectedVersion, body.changeNote ?? null));
    return policyVersionView(await this.queries.execute(new GetPolicyVersionQuery(settings.version!)));
  }
}
