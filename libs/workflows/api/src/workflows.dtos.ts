import { ApiProperty } from '@nestjs/swagger';
import { CONDITION_OPERATORS, REENROLLMENT_RULES, RUN_STATUSES, type ConditionOperator, type ReenrollmentRule } from '@qa/workflows-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/** Longest text a property value (or an item of a list) may be. */
const MAX_VALUE_LENGTH = 1000;
const isShortText = (v: unknown) => typeof v === 'string' && v.length <= MAX_VALUE_LENGTH;

/**
 * A string (up to 1000 characters), number, boolean or null; with `list`, also a list of such
 * strings and numbers. (A trigger compares one value with ===: a list would never match.)
 */
function IsPropertyValue({ list }: { list: boolean }, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isPropertyValue',
      validator: {
        validate: (value: unknown) =>
          value === null ||
          ['number', 'boolean'].includes(typeof value) ||
          isShortText(value) ||
          (list && Array.isArray(value) && value.length <= 50 && value.every((v) => typeof v === 'number' || isShortText(v))),
        defaultMessage: () => `value must be text (at most ${MAX_VALUE_LENGTH} characters), a number, true/false, null${list ? ' or a list' : ''}`,
      },
    },
    options,
  );
}

export class TriggerRequest {
  @ApiProperty({ enum: ['status_becomes', 'property_changes', 'event'] })
  @IsIn(['status_becomes', 'property_changes', 'event'], { message: 'type must be status_becomes, property_changes or event' })
  type!: 'status_becomes' | 'property_changes' | 'event';

  @ApiProperty({ required: false, example: 'pending_approval', description: 'For status_becomes.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiProperty({ required: false, example: 'approval_status', description: 'For property_changes.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  property?: string;

  @ApiProperty({ required: false, description: 'For property_changes: only this value.', nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  @IsOptional()
  @IsPropertyValue({ list: false })
  value?: string | number | boolean | null;

  @ApiProperty({ required: false, example: 'quotes.quote.signed.v1', description: 'For event.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  eventName?: string;
}

export class ConditionRequest {
  @ApiProperty({ example: 'effectiveDiscountPercent' }) @IsString() @IsNotEmpty({ message: 'property must not be empty' }) @MaxLength(60) property!: string;
  @ApiProperty({ enum: CONDITION_OPERATORS }) @IsIn(CONDITION_OPERATORS, { message: `operator must be one of ${CONDITION_OPERATORS.join(', ')}` }) operator!: ConditionOperator;
  @ApiProperty({ required: false, nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional()
  @IsPropertyValue({ list: true })
  value?: string | number | boolean | null | Array<string | number>;
}

export class ActionRequest {
  @ApiProperty({ example: 'create_task' }) @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'key must be an action key like create_task' }) key!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { assignee: 'owner', title: 'Follow up {{record.number}}' } }) @IsObject({ message: 'params must be an object' }) params!: Record<string, unknown>;
}

export class WorkflowRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name!: string;
  @ApiProperty() @IsBoolean({ message: 'enabled must be true or false' }) enabled!: boolean;
  @ApiProperty({ example: 'quote' }) @IsIn(['quote'], { message: 'objectType must be quote' }) objectType!: string;
  @ApiProperty({ type: TriggerRequest }) @IsObject({ message: 'trigger must be an object' }) @ValidateNested() @Type(() => TriggerRequest) trigger!: TriggerRequest;
  @ApiProperty({ type: [ConditionRequest] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ConditionRequest) conditions!: ConditionRequest[];
  @ApiProperty({ enum: REENROLLMENT_RULES }) @IsIn(REENROLLMENT_RULES, { message: `reenrollment must be one of ${REENROLLMENT_RULES.join(', ')}` }) reenrollment!: ReenrollmentRule;
  @ApiProperty({ type: [ActionRequest] }) @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => ActionRequest) actions!: ActionRequest[];
  @ApiProperty({ required: false, type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100) setKey?: string | null;
  @ApiProperty({ required: false, maxLength: 500, description: 'Why: kept with the version this save writes.' })
  @IsOptional()
  @IsString({ message: 'changeNote must be a text' })
  @MaxLength(500, { message: 'changeNote must be at most 500 characters' })
  changeNote?: string;
}

export class UpdateWorkflowRequest extends WorkflowRequest {
  @ApiProperty() @IsInt({ message: 'version must be a whole number' }) @Min(1) version!: number;
}

export class ActionResponse {
  @ApiProperty({ example: 'send_webhook' }) key!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { url: 'https://hooks.example.com/quotes', secretId: 'k3J9x0aQbW1e' },
    description: 'The params, without write-only ones: a webhook\'s signing secret is never shown here (see `secretSet`); its `secretId` names it and keeps it when the workflow is saved again.',
  })
  params!: Record<string, unknown>;
  @ApiProperty({ required: false, description: 'Webhook actions: whether a signing secret is set.' }) secretSet?: boolean;
  @ApiProperty({ required: false, type: String, nullable: true, description: 'Webhook actions: the last 4 characters of the signing secret, to tell secrets apart.' }) secretLast4?: string | null;
}

export class IssuedSecretResponse {
  @ApiProperty({ description: 'The (first) action that signs with it.' }) actionIndex!: number;
  @ApiProperty() secretId!: string;
  @ApiProperty({ description: 'The signing secret (256 random bits). Shown only in this answer: store it in the receiving system now.' }) secret!: string;
}

export class RotateWebhookSecretRequest {
  @ApiProperty({ required: false, description: 'The version the caller last saw; refused with WORKFLOWS.STALE_VERSION when it changed.' })
  @IsOptional()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}

export class WorkflowResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() objectType!: string;
  @ApiProperty({ type: TriggerRequest }) trigger!: TriggerRequest;
  @ApiProperty({ type: [ConditionRequest] }) conditions!: ConditionRequest[];
  @ApiProperty({ enum: REENROLLMENT_RULES }) reenrollment!: ReenrollmentRule;
  @ApiProperty({ type: [ActionResponse] }) actions!: ActionResponse[];
  @ApiProperty({ type: String, nullable: true }) setKey!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'How many runs it has had.' }) runs!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({
    required: false,
    type: [IssuedSecretResponse],
    description: 'Only in the answer to a create, update or rotation that made new webhook signing secrets: each new secret, shown this once.',
  })
  issuedSecrets?: IssuedSecretResponse[];
}

export class WorkflowListResponse {
  @ApiProperty({ type: [WorkflowResponse] }) items!: WorkflowResponse[];
  @ApiProperty({
    example: 'quote-approvals-v1',
    description: 'The `setKey` of the quote approval workflows (installed by the approval settings): the items with it are the approval workflows.',
  })
  quoteApprovalSetKey!: string;
}

export class ActionParamResponse {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['text', 'template', 'number', 'boolean', 'select', 'url'] }) type!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ required: false, description: 'A required param that this other param, when given, stands in for (title: `message`, the text as a code).' }) requiredUnless?: string;
  @ApiProperty({ required: false, type: [String] }) options?: string[];
  @ApiProperty({ required: false }) help?: string;
}

export class ActionDescriptionResponse {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [ActionParamResponse] }) params!: ActionParamResponse[];
}

export class ActionCatalogueResponse {
  @ApiProperty({ type: [ActionDescriptionResponse] }) items!: ActionDescriptionResponse[];
}

export class RunStepResponse {
  @ApiProperty() index!: number;
  @ApiProperty() actionKey!: string;
  @ApiProperty({ enum: ['pending', 'running', 'waiting', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resumeAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) output!: Record<string, unknown> | null;
}

export class RunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty() workflowName!: string;
  @ApiProperty() recordType!: string;
  @ApiProperty() recordId!: string;
  @ApiProperty({ enum: RUN_STATUSES, description: 'waiting: the run waits out a `wait` step; its next step is queued for `resumeAt` of the step before it.' }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: [RunStepResponse] }) steps!: RunStepResponse[];
}

export class RunListResponse {
  @ApiProperty({ type: [RunResponse] }) items!: RunResponse[];
}

export class RecordPropertyResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) value!: string | number | boolean | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
}

export class RecordPropertyChangeResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) value!: string | number | boolean | null;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) previousValue!: string | number | boolean | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({ type: String, nullable: true }) changedBy!: string | null;
}

export class RecordPropertiesResponse {
  @ApiProperty({ type: [RecordPropertyResponse] }) properties!: RecordPropertyResponse[];
  @ApiProperty({ type: [RecordPropertyChangeResponse] }) history!: RecordPropertyChangeResponse[];
}
