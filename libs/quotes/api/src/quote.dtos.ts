import { ApiProperty } from '@nestjs/swagger';
import { BILLING_PERIODS, DEFAULT_QUOTE_LANGUAGE, QUOTE_LANGUAGES, QUOTE_STATUSES, type BillingPeriod, type QuoteLanguage, type QuoteStatus } from '@qa/quotes-contracts';
import { DEFAULT_PAYMENT_TERMS_DAYS, MAX_PAYMENT_TERMS_DAYS } from '@qa/quotes-domain';
import { QUOTE_SORTS, type QuoteSort } from '@qa/quotes-application';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

const DECIMAL = /^\d{1,13}(\.\d{1,3})?$/;

/** A whole number from `min` to `max`, refused with one reason (not one per failed bound). */
function IsWholeNumberFrom(min: number, max: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isWholeNumberFrom', constraints: [min, max], validator: { validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max } }, options);
}

export class DiscountRequest {
  @ApiProperty({ enum: ['percent', 'amount'] })
  @IsIn(['percent', 'amount'], { message: 'type must be percent or amount' })
  type!: 'percent' | 'amount';

  @ApiProperty({ example: '12.5', description: 'Percent (0–100, two decimals) or an amount in the quote currency.' })
  @Matches(DECIMAL, { message: 'value must be a decimal number like 12.5' })
  value!: string;
}

export class LineItemRequest {
  @ApiProperty({ required: false, format: 'uuid', description: 'Keep the id of an existing line when editing.' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ example: 'Design sprint' })
  @IsString()
  @IsNotEmpty({ message: 'productName must not be empty' })
  @MaxLength(200)
  productName!: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ minimum: 1, maximum: 1_000_000 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ example: '1500.00', description: 'Decimal string in the quote currency.' })
  @Matches(DECIMAL, { message: 'unitPrice must be a decimal number like 1500.00' })
  unitPrice!: string;

  @ApiProperty({ required: false, type: DiscountRequest, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiscountRequest)
  discount?: DiscountRequest | null;

  @ApiProperty({
    required: false,
    enum: BILLING_PERIODS,
    enumName: 'BillingPeriod',
    description: 'one_time when left out. A recurring line (monthly, quarterly, yearly) has its unit price per period; the totals count it once, as its first period.',
  })
  @IsOptional()
  @IsIn(BILLING_PERIODS, { message: `billingPeriod must be one of ${BILLING_PERIODS.join(', ')}` })
  billingPeriod?: BillingPeriod;
}

export class QuoteDetailsRequest {
  @ApiProperty({ example: 'Website redesign' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ required: false, type: String, format: 'uuid', nullable: true, description: 'Required to submit.' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a UUID' })
  dealId?: string | null;

  @ApiProperty({ required: false, type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string | null;

  @ApiProperty({ required: false, type: [String], description: 'Contact ids.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'recipientContactIds must hold contact UUIDs' })
  recipientContactIds?: string[];

  @ApiProperty({ required: false, example: 'EUR', description: 'ISO 4217; EUR when left out.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like EUR' })
  currency?: string;

  @ApiProperty({ example: '2027-01-31', description: 'The quote expires at the end of this day (UTC).' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'expiresOn must be a date like 2027-01-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresOn must be a date like 2027-01-31' })
  expiresOn!: string;

  @ApiProperty({ required: false, type: DiscountRequest, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiscountRequest)
  quoteDiscount?: DiscountRequest | null;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  commentsForBuyer?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  purchaseTerms?: string;

  @ApiProperty({ required: false, type: 'integer', minimum: 0, maximum: MAX_PAYMENT_TERMS_DAYS, description: `Payment terms in net days (the buyer pays within this many days); ${DEFAULT_PAYMENT_TERMS_DAYS} when left out.` })
  // Left out: the default. Null is refused like any other value that is not a number of days.
  @ValidateIf((_request: unknown, value: unknown) => value !== undefined)
  @IsWholeNumberFrom(0, MAX_PAYMENT_TERMS_DAYS, { message: `paymentTermsDays must be a whole number of days from 0 to ${MAX_PAYMENT_TERMS_DAYS}` })
  paymentTermsDays?: number;

  @ApiProperty({
    required: false,
    enum: QUOTE_LANGUAGES,
    enumName: 'QuoteLanguage',
    description: `The language of the buyer's page and PDF. Left out: unchanged (a new quote: ${DEFAULT_QUOTE_LANGUAGE}).`,
  })
  // Left out: unchanged. Null is refused like any other value that is not a language.
  @ValidateIf((_request: unknown, value: unknown) => value !== undefined)
  @IsIn(QUOTE_LANGUAGES, { message: `language must be one of ${QUOTE_LANGUAGES.join(', ')}` })
  language?: QuoteLanguage;

  @ApiProperty({ type: [LineItemRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemRequest)
  lineItems!: LineItemRequest[];
}

export class VersionRequest {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 QUOTES.STALE_VERSION.' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class UpdateQuoteRequest extends QuoteDetailsRequest {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 QUOTES.STALE_VERSION.' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;
}

export class SignQuoteRequest {
  @ApiProperty({ example: 'Bea Buyer' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'bea@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;
}

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class ListQuotesRequest {
  @ApiProperty({ required: false, enum: QUOTE_STATUSES, isArray: true, description: 'Comma-separated.' })
  @IsOptional()
  @Transform(list)
  @IsIn(QUOTE_STATUSES, { each: true, message: `status must be one of ${QUOTE_STATUSES.join(', ')}` })
  status?: QuoteStatus[];

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a UUID' })
  dealId?: string;

  @ApiProperty({ required: false, description: 'Text in the title, the number or the company name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, enum: QUOTE_SORTS, default: 'updatedAt' })
  @IsOptional()
  @IsIn(QUOTE_SORTS, { message: `sort must be one of ${QUOTE_SORTS.join(', ')}` })
  sort?: QuoteSort;

  @ApiProperty({ required: false, enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'direction must be asc or desc' })
  direction?: 'asc' | 'desc';

  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiProperty({ required: false, description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

// ---- responses ----

export class DiscountResponse {
  @ApiProperty({ enum: ['percent', 'amount'] }) type!: 'percent' | 'amount';
  @ApiProperty() value!: string;
}

export class LineItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() productName!: string;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() unitPrice!: string;
  @ApiProperty({ type: DiscountResponse, nullable: true }) discount!: DiscountResponse | null;
  @ApiProperty({ enum: BILLING_PERIODS, enumName: 'BillingPeriod', description: 'one_time, or the period the unit price and the amounts of a recurring line are for.' }) billingPeriod!: BillingPeriod;
  @ApiProperty() gross!: string;
  @ApiProperty() discountAmount!: string;
  @ApiProperty() net!: string;
}

export class QuoteTotalsResponse {
  @ApiProperty() gross!: string;
  @ApiProperty() subtotal!: string;
  @ApiProperty() quoteDiscount!: string;
  @ApiProperty() total!: string;
  @ApiProperty({ example: '19.79' }) effectiveDiscountPercent!: string;
  @ApiProperty({ example: '10.00' }) largestLineDiscountPercent!: string;
}

export class SignatureResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}

export class BrokenLimitResponse {
  @ApiProperty({ enum: ['maxDiscountPercent', 'minTotal'] }) bound!: 'maxDiscountPercent' | 'minTotal';
  @ApiProperty({ description: 'The bound: a percent (maxDiscountPercent) or an amount in `currency` (minTotal).' }) limit!: string;
  @ApiProperty({ description: "The quote's value: the discount's percent rounded up to two decimals, or its total." }) actual!: string;
  @ApiProperty({ required: false, enum: ['quote', 'line'], description: 'maxDiscountPercent: the quote discount or a line discount.' }) on?: 'quote' | 'line';
  @ApiProperty({ required: false, description: 'maxDiscountPercent of a line: the line.' }) lineId?: string;
  @ApiProperty({ required: false }) productName?: string;
  @ApiProperty({ required: false, description: 'minTotal: the currency of the limit.' }) currency?: string;
  @ApiProperty({ required: false, description: "minTotal: the quote's currency, when it changed since the approval." }) actualCurrency?: string;
}

export class ApprovalLimitsCheckResponse {
  @ApiProperty({ enum: ['changed-within-approved-limits', 'approval-limits-exceeded'], description: 'Within: the quote stays approved. Exceeded: it went back to Draft and needs a new submission.' })
  code!: 'changed-within-approved-limits' | 'approval-limits-exceeded';
  @ApiProperty({ type: [BrokenLimitResponse], description: 'The bounds the edit went beyond (empty when within).' }) broken!: BrokenLimitResponse[];
}

export class QuoteApprovalLimitsResponse {
  @ApiProperty({ type: String, nullable: true, example: '15.00', description: 'At most this percent off: each line discount (of its gross) and the quote discount (of the subtotal).' }) maxDiscountPercent!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10000.00', description: 'The total at least this, in `currency`.' }) minTotal!: string | null;
  @ApiProperty({ example: 'EUR', description: 'The currency of the quote when it was approved.' }) currency!: string;
}

export class HistoryEntryResponse {
  @ApiProperty({ enum: QUOTE_STATUSES, enumName: 'QuoteStatus' }) status!: QuoteStatus;
  @ApiProperty({ enum: QUOTE_STATUSES, enumName: 'QuoteStatus', nullable: true }) previousStatus!: QuoteStatus | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user; null for the system or the buyer.' }) by!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: ApprovalLimitsCheckResponse, required: false, description: 'An edit of a quote approved with limits: within them, or beyond them (back to Draft).' })
  approvalLimitsCheck?: ApprovalLimitsCheckResponse;
}

export class RecipientWithIdResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class QuoteResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Q-2026-0001' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: QUOTE_STATUSES, enumName: 'QuoteStatus' }) status!: QuoteStatus;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) dealId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) companyName!: string | null;
  @ApiProperty({ type: [String] }) recipientContactIds!: string[];
  @ApiProperty({ type: String, nullable: true, description: "The deal's name (from the CRM)." }) dealName!: string | null;
  @ApiProperty({ type: [RecipientWithIdResponse], description: 'The recipients (from the CRM).' }) recipients!: RecipientWithIdResponse[];
  @ApiProperty() currency!: string;
  @ApiProperty({ example: '2027-01-31' }) expiresOn!: string;
  @ApiProperty({ type: DiscountResponse, nullable: true }) quoteDiscount!: DiscountResponse | null;
  @ApiProperty() commentsForBuyer!: string;
  @ApiProperty() purchaseTerms!: string;
  @ApiProperty({ type: 'integer', example: 30, description: 'Payment terms in net days.' }) paymentTermsDays!: number;
  @ApiProperty({ enum: QUOTE_LANGUAGES, enumName: 'QuoteLanguage', description: "The language of the buyer's page and PDF." }) language!: QuoteLanguage;
  @ApiProperty({ type: [LineItemResponse] }) lineItems!: LineItemResponse[];
  @ApiProperty({ type: QuoteTotalsResponse }) totals!: QuoteTotalsResponse;
  @ApiProperty({ type: String, nullable: true, description: "Path of the buyer's page while shared, e.g. /q/…" }) sharePath!: string | null;
  @ApiProperty({ type: SignatureResponse, nullable: true }) signature!: SignatureResponse | null;
  @ApiProperty({ type: QuoteApprovalLimitsResponse, nullable: true, description: 'Approved with limits: the owner may change the quote within them without a new round. Never on the buyer\'s page.' })
  approvalLimits!: QuoteApprovalLimitsResponse | null;
  @ApiProperty({ type: [HistoryEntryResponse] }) history!: HistoryEntryResponse[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UpdatedQuoteResponse extends QuoteResponse {
  @ApiProperty({ type: ApprovalLimitsCheckResponse, nullable: true, description: 'A quote approved with limits: how the edit stood against them (null for other edits).' })
  approvalLimitsCheck!: ApprovalLimitsCheckResponse | null;
}

export class QuoteListItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: QUOTE_STATUSES, enumName: 'QuoteStatus' }) status!: QuoteStatus;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ type: String, nullable: true }) companyName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) dealId!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty() total!: string;
  @ApiProperty() expiresOn!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true, description: "The buyer's link while shared." }) sharePath!: string | null;
}

export class QuoteListResponse {
  @ApiProperty({ type: [QuoteListItemResponse] }) items!: QuoteListItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page.' }) nextCursor!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Quotes per status under the same filters, without the status filter. Empty when countsComplete is false.' })
  countsByStatus!: Record<string, number>;
  @ApiProperty({ description: 'False when the text filter (q) matches more than 1,000 quotes or is a common word: the counts are then left out (show "1,000+", or "about" approximateTotal).' })
  countsComplete!: boolean;
  @ApiProperty({ required: false, type: 'integer', description: "With countsComplete false for a common word: the database's estimate of the matches under the filters but the status filter, to two significant digits." })
  approximateTotal?: number;
}

export class CreatedQuoteResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class RecipientResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class SharedQuoteResponse {
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: QUOTE_STATUSES, enumName: 'QuoteStatus' }) status!: QuoteStatus;
  @ApiProperty({ type: String, nullable: true }) companyName!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty() expiresOn!: string;
  @ApiProperty({ type: DiscountResponse, nullable: true }) quoteDiscount!: DiscountResponse | null;
  @ApiProperty() commentsForBuyer!: string;
  @ApiProperty() purchaseTerms!: string;
  @ApiProperty({ type: 'integer', example: 30, description: 'Payment terms in net days.' }) paymentTermsDays!: number;
  @ApiProperty({ enum: QUOTE_LANGUAGES, enumName: 'QuoteLanguage', description: 'The language the page words its labels, dates and amounts in.' }) language!: QuoteLanguage;
  @ApiProperty({ type: [LineItemResponse] }) lineItems!: LineItemResponse[];
  @ApiProperty({ type: QuoteTotalsResponse }) totals!: QuoteTotalsResponse;
  @ApiProperty({ type: SignatureResponse, nullable: true }) signature!: SignatureResponse | null;
  @ApiProperty({ type: [RecipientResponse] }) recipients!: RecipientResponse[];
}

export class QuoteRoutePreviewRequest extends QuoteDetailsRequest {
  @ApiProperty({ required: false, format: 'uuid', description: 'The quote being edited (its owner is the owner of the draft); absent for a new quote (the caller owns it).' })
  @IsOptional()
  @IsUUID('all', { message: 'quoteId must be a quote id' })
  quoteId?: string;
}
