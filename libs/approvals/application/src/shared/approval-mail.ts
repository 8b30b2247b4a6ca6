// The e-mail that asks an approver of a step to decide: the quote's summary, why it needs approval
// (the route's reasons, worded), and two links, Approve and Request changes, to the app's
// confirmation page. In English: users have no language of their own yet (identity keeps none).
// Plain text and HTML with the same content; the HTML is simple, accessible markup: a heading,
// a list, real links with clear text (styled as buttons), no images.
import type { RouteReason, RouteRuleMatch } from '@qa/approvals-contracts';

export interface ApprovalMailInput {
  approverName: string;
  ownerName: string | null;
  quote: { number: string; title: string; companyName: string | null; total: string; currency: string };
  /** 1 = first. */
  step: number;
  steps: number;
  rules: RouteRuleMatch[];
  links: { approve: string; requestChanges: string; expiresAt: Date };
  /** The quote's approval page (the links' alternative). */
  approvalPageUrl: string;
  /** Why this person is asked now, when they were not the step's approver at its start (escalated, delegated, reassigned): a sentence. */
  why?: string | null;
}

export interface ApprovalMail {
  subject: string;
  text: string;
  html: string;
}

const FIELDS: Record<string, string> = {
  total: 'total',
  discountAmount: 'discount amount',
  effectiveDiscountPercent: 'discount',
  largestLineDiscountPercent: 'largest line discount',
  lineCount: 'number of lines',
  product: 'products',
  recurring: 'recurring',
  paymentTermsDays: 'payment terms',
  daysUntilExpiry: 'days until expiry',
  currency: 'currency',
  dealStage: 'deal stage',
  dealAmount: 'deal amount',
  ownerRole: 'owner’s role',
  ownerTeam: 'owner’s team',
  companyCountry: 'company country',
  totalInBaseCurrency: 'total in base currency',
  quoteProperty: 'quote property',
};
const MONEY = new Set(['total', 'discountAmount', 'dealAmount', 'totalInBaseCurrency']);
const PERCENT = new Set(['effectiveDiscountPercent', 'largestLineDiscountPercent']);
const DAYS = new Set(['paymentTermsDays', 'daysUntilExpiry']);
const OPERATORS: Record<string, string> = {
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  eq: '=',
  neq: '≠',
  between: 'between',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'include',
  notContains: 'do not include',
};
const ROLES: Record<string, string> = { rep: 'Sales rep', manager: 'Sales manager', admin: 'Admin' };

/** Money as people read it: "€12,500.00" (the decimal text exactly, no float). */
export function moneyText(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return `${currency} ${amount}`;
  }
}

function oneValue(field: string, value: unknown, currency: string | undefined): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value);
  if (MONEY.has(field) && currency) return moneyText(text, currency);
  if (PERCENT.has(field)) return `${text}%`;
  if (DAYS.has(field)) return `${text} ${text === '1' ? 'day' : 'days'}`;
  if (field === 'dealStage') return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, ' ');
  if (field === 'ownerRole') return ROLES[text] ?? text;
  if (field === 'recurring' && (text === 'true' || text === 'false')) return text === 'true' ? 'yes' : 'no';
  return text;
}

function valueText(field: string, operator: string | undefined, value: unknown, currency: string | undefined): string {
  if (!Array.isArray(value)) return oneValue(field, value, currency);
  const items = value.map((item) => oneValue(field, item, currency));
  if (operator === 'between' && items.length === 2) return `${items[0]}–${items[1]}`;
  return items.length ? items.join(', ') : 'none';
}

/** Why a rule matched, in English: "discount 25% > 20%", "deal stage: Contract sent". */
export function reasonWords(reason: RouteReason): string {
  switch (reason.code) {
    case 'always':
      return 'the rule applies to every quote';
    case 'all-quotes':
      return 'approval is required on all quotes';
    case 'legacy':
      return reason.text;
    case 'condition': {
      const label = reason.field === 'quoteProperty' ? `quote property ${reason.property ?? ''}`.trim() : (FIELDS[reason.field] ?? reason.field);
      const expected = valueText(reason.field, reason.operator, reason.expected, reason.currency);
      const actual = valueText(reason.field, undefined, reason.actual, reason.currency);
      if (reason.operator === 'eq' && expected === actual) return `${label}: ${actual}`;
      const operator = reason.field === 'quoteProperty' && reason.operator === 'contains' ? 'contains' : (OPERATORS[reason.operator] ?? reason.operator);
      return `${label} ${actual} ${operator} ${expected}`;
    }
    default:
      return '';
  }
}

/** Each rule that put the quote on the route, with its reasons: "Big discounts: discount 25% > 20%". */
export function ruleLines(rules: RouteRuleMatch[]): string[] {
  return rules.map((rule) => {
    const reasons = rule.reasons.map(reasonWords).filter(Boolean).join('; ');
    if (!rule.ruleName) return capitalise(reasons);
    return reasons ? `${rule.ruleName}: ${reasons}` : rule.ruleName;
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** "6 December 2026, 09:00 UTC". */
function whenText(at: Date): string {
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at)} UTC`;
}

export function approvalMail(input: ApprovalMailInput): ApprovalMail {
  const { quote, links } = input;
  const total = moneyText(quote.total, quote.currency);
  const who = input.ownerName ? `${input.ownerName}’s quote` : 'A quote';
  const stepText = input.steps > 1 ? ` (step ${input.step} of ${input.steps})` : '';
  const reasons = ruleLines(input.rules);
  const until = whenText(links.expiresAt);
  const subject = `Approval needed: ${quote.number} ${quote.title}`;
  const facts: Array<[string, string]> = [
    ['Quote', `${quote.number} – ${quote.title}`],
    ['Company', quote.companyName ?? '—'],
    ['Total', total],
  ];
  const text = [
    `Hello ${input.approverName},`,
    '',
    `${who} needs your approval${stepText}.`,
    ...(input.why ? ['', input.why] : []),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    'Why it needs approval:',
    ...reasons.map((line) => `- ${line}`),
    '',
    `Approve: ${links.approve}`,
    '',
    `Request changes: ${links.requestChanges}`,
    '',
    `Each link asks you to confirm first. The links work for you only, once, until ${until}.`,
    `You can also decide on the approval page: ${input.approvalPageUrl}`,
    '',
  ].join('\n');
  const button = (href: string, label: string, colour: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;margin:0 8px 8px 0;border-radius:6px;background:${colour};color:#ffffff;font-weight:bold;text-decoration:none">${escapeHtml(label)}</a>`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;margin:0;padding:16px">',
    '<main>',
    `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(`${who} needs your approval${stepText}`)}</h1>`,
    `<p>Hello ${escapeHtml(input.approverName)},</p>`,
    ...(input.why ? [`<p>${escapeHtml(input.why)}</p>`] : []),
    '<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">',
    ...facts.map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`),
    '</table>',
    '<h2 style="font-size:17px;margin:0 0 8px">Why it needs approval</h2>',
    `<ul>${reasons.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    `<p>${button(links.approve, 'Approve', '#15803d')}${button(links.requestChanges, 'Request changes', '#b91c1c')}</p>`,
    `<p>Each link asks you to confirm first. The links work for you only, once, until ${escapeHtml(until)}.</p>`,
    `<p>You can also decide on <a href="${escapeHtml(input.approvalPageUrl)}">the approval page of ${escapeHtml(quote.number)}</a>.</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
