// The set-up flow's form: what the inputs hold, how it becomes the API's QuoteDetailsRequest, and
// how the API's field problems (`details.fields`, paths like `lineItems.0.unitPrice`) are mapped
// back to a step, an input and a message.
import type { ApiSchemas } from '@qa/shared-api-client';
import type { MessageSchema } from '../../i18n/en';
import { normalizeDecimalInput, type DiscountInput } from './money';
import type { Quote, QuoteDetailsRequest, QuoteRoutePreviewRequest } from './quote-api';

export const SETUP_STEPS = ['details', 'lineItems', 'terms', 'review'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** How often a line is billed (the API's billing periods): once, or per period for a recurring line. */
export type BillingChoice = ApiSchemas['BillingPeriod'];
export const BILLING_CHOICES: readonly BillingChoice[] = ['one_time', 'monthly', 'quarterly', 'yearly'];

export interface LineItemForm {
  /** Stable key for the list (new lines have no id yet). */
  key: string;
  /** The API's id of a saved line, sent back so the line is kept. */
  id?: string;
  productName: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: DiscountInput;
  billingPeriod: BillingChoice;
}

export interface QuoteForm {
  title: string;
  dealId: string | null;
  companyId: string | null;
  recipientContactIds: string[];
  currency: string;
  expiresOn: string;
  lineItems: LineItemForm[];
  quoteDiscount: DiscountInput;
  commentsForBuyer: string;
  purchaseTerms: string;
  /** Payment terms in net days, as typed (a whole number from 0 to 365; the API judges it). */
  paymentTermsDays: string;
  /** The language of the buyer's page and PDF. */
  language: QuoteLanguage;
}

/** The languages a quote may be written in for its buyer (as the API has them). */
export const QUOTE_LANGUAGES = ['en', 'nl'] as const satisfies readonly QuoteLanguage[];
export type QuoteLanguage = NonNullable<QuoteDetailsRequest['language']>;

export const DEFAULT_CURRENCY = 'EUR';
const DEFAULT_VALIDITY_DAYS = 30;
/** A new quote's payment terms: net 30 days (as the API's default). */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

let lineKeys = 0;
export function newLineKey(): string {
  lineKeys += 1;
  return `line-${lineKeys}`;
}

export function emptyLine(): LineItemForm {
  return { key: newLineKey(), productName: '', description: '', quantity: '1', unitPrice: '', discount: { type: 'none', value: '' }, billingPeriod: 'one_time' };
}

/** A calendar date `days` from `now`, as YYYY-MM-DD (UTC, like the API's expiry). */
export function isoDateAfter(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function emptyForm(now = new Date()): QuoteForm {
  return {
    title: '',
    dealId: null,
    companyId: null,
    recipientContactIds: [],
    currency: DEFAULT_CURRENCY,
    expiresOn: isoDateAfter(DEFAULT_VALIDITY_DAYS, now),
    lineItems: [],
    quoteDiscount: { type: 'none', value: '' },
    commentsForBuyer: '',
    purchaseTerms: '',
    paymentTermsDays: String(DEFAULT_PAYMENT_TERMS_DAYS),
    language: 'en',
  };
}

export function formFromQuote(quote: Quote): QuoteForm {
  return {
    title: quote.title,
    dealId: quote.dealId,
    companyId: quote.companyId,
    recipientContactIds: [...quote.recipientContactIds],
    currency: quote.currency,
    expiresOn: quote.expiresOn,
    lineItems: quote.lineItems.map((line) => ({
      key: newLineKey(),
      id: line.id,
      productName: line.productName,
      description: line.description,
      quantity: String(line.quantity),
      unitPrice: line.unitPrice,
      discount: line.discount ? { type: line.discount.type, value: line.discount.value } : { type: 'none', value: '' },
      billingPeriod: line.billingPeriod,
    })),
    quoteDiscount: quote.quoteDiscount ? { type: quote.quoteDiscount.type, value: quote.quoteDiscount.value } : { type: 'none', value: '' },
    commentsForBuyer: quote.commentsForBuyer,
    purchaseTerms: quote.purchaseTerms,
    paymentTermsDays: String(quote.paymentTermsDays),
    language: quote.language,
  };
}

function discountRequest(discount: DiscountInput, locale: string) {
  if (discount.type === 'none') return null;
  return { type: discount.type, value: normalizeDecimalInput(discount.value, locale) };
}

/** A whole number as typed (a quantity, payment terms), or not-a-number (sent as null) so the API names the problem. */
function wholeNumberOf(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The form as the API's body. Amounts are normalised ("1.500,50" → "1500.50"), nothing else is judged here. */
export function toDetailsRequest(form: QuoteForm, locale: string): QuoteDetailsRequest {
  return {
    title: form.title.trim(),
    dealId: form.dealId,
    companyId: form.companyId,
    recipientContactIds: [...form.recipientContactIds],
    currency: form.currency,
    expiresOn: form.expiresOn,
    quoteDiscount: discountRequest(form.quoteDiscount, locale),
    commentsForBuyer: form.commentsForBuyer,
    purchaseTerms: form.purchaseTerms,
    paymentTermsDays: wholeNumberOf(form.paymentTermsDays),
    language: form.language,
    lineItems: form.lineItems.map((line) => ({
      ...(line.id ? { id: line.id } : {}),
      productName: line.productName.trim(),
      description: line.description,
      quantity: wholeNumberOf(line.quantity),
      unitPrice: normalizeDecimalInput(line.unitPrice, locale),
      discount: discountRequest(line.discount, locale),
      billingPeriod: line.billingPeriod,
    })),
  };
}

/** The body of the live approval preview: the save's body, and the quote being edited (none for a new one). */
export function toRoutePreviewRequest(form: QuoteForm, locale: string, quoteId: string | null): QuoteRoutePreviewRequest {
  return { ...toDetailsRequest(form, locale), ...(quoteId ? { quoteId } : {}) };
}

/**
 * Inputs a save needs that are still empty, as input paths in the order of the flow (`title`,
 * `lineItems` when there are no lines, `lineItems.0.unitPrice`, `quoteDiscount`, …). Only
 * emptiness: whether a value is valid is the API's to say.
 */
export function blankInputs(form: QuoteForm): string[] {
  const blank = (text: string) => text.trim() === '';
  const paths: string[] = [];
  if (blank(form.title)) paths.push('title');
  if (blank(form.expiresOn)) paths.push('expiresOn');
  if (form.lineItems.length === 0) paths.push('lineItems');
  form.lineItems.forEach((line, index) => {
    if (blank(line.productName)) paths.push(`lineItems.${index}.productName`);
    if (blank(line.quantity)) paths.push(`lineItems.${index}.quantity`);
    if (blank(line.unitPrice)) paths.push(`lineItems.${index}.unitPrice`);
    if (line.discount.type !== 'none' && blank(line.discount.value)) paths.push(`lineItems.${index}.discount`);
  });
  if (form.quoteDiscount.type !== 'none' && blank(form.quoteDiscount.value)) paths.push('quoteDiscount');
  if (blank(form.paymentTermsDays)) paths.push('paymentTermsDays');
  return paths;
}

// ---- field problems ----

type ErrorKey = keyof MessageSchema['quoteSetup']['errors'];

export interface FieldError {
  /** i18n key of the message to show; null: show the API's reason. */
  messageKey: `quoteSetup.errors.${ErrorKey}` | null;
  reason: string;
}

/** Field problems by input: `title`, `lineItems.0.unitPrice`, `lineItems.0.discount`, `quoteDiscount`, … */
export type FieldErrors = Record<string, FieldError>;

const LINE_FIELDS: Record<string, ErrorKey> = {
  productName: 'productName',
  description: 'description',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  discount: 'discount',
  billingPeriod: 'billingPeriod',
};

const TOP_FIELDS: Record<string, ErrorKey> = {
  title: 'title',
  dealId: 'dealId',
  companyId: 'companyId',
  recipientContactIds: 'recipientContactIds',
  currency: 'currency',
  expiresOn: 'expiresOn',
  lineItems: 'lineItems',
  quoteDiscount: 'discount',
  commentsForBuyer: 'commentsForBuyer',
  purchaseTerms: 'purchaseTerms',
  paymentTermsDays: 'paymentTermsDays',
  language: 'language',
};

/** Error codes whose problem has a more precise message than the field's generic one. */
const CODE_MESSAGES: Record<string, ErrorKey> = {
  'QUOTES.DEAL_REQUIRED': 'dealRequired',
  'QUOTES.NO_LINE_ITEMS': 'noLineItems',
  'QUOTES.EXPIRY_IN_PAST': 'expiryInPast',
};

/**
 * The input a field path belongs to: `lineItems.0.discount.value` → `lineItems.0.discount`,
 * `quoteDiscount.type` → `quoteDiscount`, `recipientContactIds.2` → `recipientContactIds`.
 */
export function inputPath(field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'lineItems' && parts.length >= 3 && /^\d+$/.test(parts[1] ?? '')) return parts.slice(0, 3).join('.');
  return parts[0] ?? field;
}

/** The step that shows an input. */
export function stepOfPath(path: string): SetupStep {
  const top = path.split('.')[0];
  if (top === 'lineItems') return 'lineItems';
  if (top === 'quoteDiscount' || top === 'commentsForBuyer' || top === 'purchaseTerms' || top === 'paymentTermsDays' || top === 'language') return 'terms';
  return 'details';
}

export interface MappedProblems {
  errors: FieldErrors;
  /** The first step (in flow order) with a problem; null when there were none. */
  step: SetupStep | null;
  /** The first input with a problem on that step, in the order the API listed them. */
  firstPath: string | null;
}

export function mapFieldProblems(problems: ReadonlyArray<{ field: string; reason: string }>, code?: string): MappedProblems {
  const errors: FieldErrors = {};
  for (const { field, reason } of problems) {
    const path = inputPath(field);
    if (errors[path]) continue;
    const lineField = path.startsWith('lineItems.') ? path.split('.')[2] : undefined;
    const key = (code ? CODE_MESSAGES[code] : undefined) ?? (lineField ? LINE_FIELDS[lineField] : TOP_FIELDS[path]);
    errors[path] = { messageKey: key ? `quoteSetup.errors.${key}` : null, reason };
  }
  const paths = Object.keys(errors);
  const step = SETUP_STEPS.find((candidate) => paths.some((path) => stepOfPath(path) === candidate)) ?? null;
  const firstPath = step ? (paths.find((path) => stepOfPath(path) === step) ?? null) : null;
  return { errors, step, firstPath };
}

type SetupMessages = MessageSchema['quoteSetup'];
/** The set-up flow's labels (its messages that are text, not groups of messages). */
type LabelKey = { [K in keyof SetupMessages]: SetupMessages[K] extends string ? K : never }[keyof SetupMessages];

const LINE_LABELS: Record<string, LabelKey> = {
  productName: 'productName',
  description: 'description',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  discount: 'discount',
  billingPeriod: 'billingPeriod',
};

const TOP_LABELS: Record<string, LabelKey> = {
  title: 'title',
  dealId: 'deal',
  companyId: 'company',
  recipientContactIds: 'recipients',
  currency: 'currency',
  expiresOn: 'expiresOn',
  lineItems: 'lineItems',
  quoteDiscount: 'quoteDiscount',
  commentsForBuyer: 'commentsForBuyer',
  purchaseTerms: 'purchaseTerms',
  paymentTermsDays: 'paymentTermsDays',
  language: 'language',
};

/** The label of an input path (as its step shows it), and the line's number (1 = first) for a line's input; null: no input of the form. */
export function inputLabel(path: string): { key: `quoteSetup.${LabelKey}`; line: number | null } | null {
  const line = /^lineItems\.(\d+)\.(\w+)$/.exec(path);
  if (line) {
    const field = line[2] ?? '';
    const key = Object.hasOwn(LINE_LABELS, field) ? LINE_LABELS[field] : undefined;
    return key ? { key: `quoteSetup.${key}`, line: Number(line[1]) + 1 } : null;
  }
  const key = Object.hasOwn(TOP_LABELS, path) ? TOP_LABELS[path] : undefined;
  return key ? { key: `quoteSetup.${key}`, line: null } : null;
}

/** The id of the element that takes focus for an input path (see the step components). */
export function inputElementId(path: string): string {
  const line = /^lineItems\.(\d+)\.(\w+)$/.exec(path);
  if (line) return line[2] === 'discount' ? `line-${line[1]}-discount-value` : `line-${line[1]}-${line[2]}`;
  switch (path) {
    case 'title':
      return 'quote-title';
    case 'dealId':
    case 'companyId':
      return 'quote-deal';
    case 'recipientContactIds':
      return 'quote-recipients';
    case 'currency':
      return 'quote-currency';
    case 'expiresOn':
      return 'quote-expires-on';
    case 'lineItems':
      return 'line-items-heading';
    case 'quoteDiscount':
      return 'quote-discount-value';
    case 'commentsForBuyer':
      return 'quote-comments';
    case 'purchaseTerms':
      return 'quote-terms';
    case 'paymentTermsDays':
      return 'quote-payment-terms';
    case 'language':
      return 'quote-language';
    default:
      return 'setup-step-heading';
  }
}
