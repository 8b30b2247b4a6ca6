// "Approve with limits" on the approval page: the two optional bounds as typed, checked as the API
// checks them (a percent from 0 to 100 with at most two decimals; an amount of 0 or more with at
// most the currency's decimals; at least one of them), and the API's refusals put back at the
// fields. Pure functions answering i18n keys and params, no Vue.
import type { ApiFailure } from '../../api/api-result';
import { fieldProblemsOf } from '../../api/api-result';
import { currencyDigits, normalizeDecimalInput, parseAmount } from '../quotes/money';
import type { BrokenLimit } from '../quotes/approval-limits';

export interface LimitsInput {
  maxDiscountPercent: string;
  minTotal: string;
}

export type LimitsField = 'maxDiscountPercent' | 'minTotal' | 'limits';
/** A message for a field: its i18n key and params. */
export type LimitsMessage = { key: string; params?: Record<string, unknown> };
export type LimitsErrors = Partial<Record<LimitsField, LimitsMessage>>;

export interface LimitsRequest {
  maxDiscountPercent: string | null;
  minTotal: string | null;
}

/** The limits to send, or the problems of what was typed (in the user's language: "12,5" in Dutch). */
export function checkLimitsForm(input: LimitsInput, currency: string, locale: string): { limits: LimitsRequest | null; errors: LimitsErrors } {
  const errors: LimitsErrors = {};
  const digits = currencyDigits(currency);
  const max = input.maxDiscountPercent.trim() ? normalizeDecimalInput(input.maxDiscountPercent, locale) : '';
  const min = input.minTotal.trim() ? normalizeDecimalInput(input.minTotal, locale) : '';
  if (max) {
    const bp = parseAmount(max, 2);
    if (bp === null || bp > 10_000n) errors.maxDiscountPercent = { key: 'approvalLimits.errors.maxDiscount' };
  }
  if (min && parseAmount(min, digits) === null) errors.minTotal = { key: 'approvalLimits.errors.minTotal', params: { digits } };
  if (!max && !min) errors.limits = { key: 'approvalLimits.errors.none' };
  if (Object.keys(errors).length) return { limits: null, errors };
  return { limits: { maxDiscountPercent: max || null, minTotal: min || null }, errors };
}

/**
 * The API's refusal of an approval with limits, at the fields: 422 APPROVALS.INVALID_LIMITS names
 * `limits.maxDiscountPercent`, `limits.minTotal` or `limits`; 422 APPROVALS.LIMITS_NOT_MET lists the
 * bounds the quote already breaks (`broken`, worded by the caller). Null: not about the limits.
 */
export function limitsRefusal(failure: ApiFailure, currency: string): { errors: LimitsErrors; broken: BrokenLimit[] } | null {
  const code = failure.error?.code;
  if (code === 'APPROVALS.LIMITS_NOT_MET') {
    const broken = failure.error?.details?.['broken'];
    return { errors: {}, broken: Array.isArray(broken) ? (broken as BrokenLimit[]) : [] };
  }
  if (code !== 'APPROVALS.INVALID_LIMITS') return null;
  const errors: LimitsErrors = {};
  for (const problem of fieldProblemsOf(failure)) {
    if (problem.field === 'limits.maxDiscountPercent') errors.maxDiscountPercent = { key: 'approvalLimits.errors.maxDiscount' };
    else if (problem.field === 'limits.minTotal') errors.minTotal = { key: 'approvalLimits.errors.minTotal', params: { digits: currencyDigits(currency) } };
    else errors.limits = { key: 'approvalLimits.errors.none' };
  }
  return { errors, broken: [] };
}
