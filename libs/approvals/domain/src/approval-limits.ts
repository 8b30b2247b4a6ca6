import { brokenLimits, canonicalMinTotal, minTotalMinor, percentToBasisPoints, basisPointsToPercent, type ApprovalLimits, type LimitFigures } from '@qa/approvals-contracts';
import { minorDigits } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';

/** Limits as an approver sends them: either bound may be left out, null or empty. */
export interface ApprovalLimitsInput {
  maxDiscountPercent?: string | null;
  minTotal?: string | null;
}

const DECIMAL = /^\d{1,13}(?:\.(\d+))?$/;

/**
 * An approver's limits checked and written canonically ("15" → "15.00", EUR "10000" → "10000.00"),
 * or 422 APPROVALS.INVALID_LIMITS naming each bad field: `limits.maxDiscountPercent` a percent from
 * 0 to 100 with at most two decimals, `limits.minTotal` an amount ≥ 0 with at most the currency's
 * decimals, and at least one of the two (`limits`).
 */
export function checkLimitsInput(input: ApprovalLimitsInput, currency: string): ApprovalLimits {
  const problems: Array<{ field: string; reason: string }> = [];
  const max = input.maxDiscountPercent?.trim() || null;
  const min = input.minTotal?.trim() || null;
  let maxDiscountPercent: string | null = null;
  let minTotal: string | null = null;
  if (max !== null) {
    const bp = percentToBasisPoints(max);
    if (bp === null || bp > 10_000) problems.push({ field: 'limits.maxDiscountPercent', reason: 'must be a percent from 0 to 100 with at most two decimals' });
    else maxDiscountPercent = basisPointsToPercent(bp);
  }
  if (min !== null) {
    const digits = minorDigits(currency);
    const match = DECIMAL.exec(min);
    if (!match) problems.push({ field: 'limits.minTotal', reason: 'must be an amount of 0 or more' });
    else if ((match[1] ?? '').length > digits) problems.push({ field: 'limits.minTotal', reason: `must have at most ${digits} decimals in ${currency}` });
    else minTotal = canonicalMinTotal(min, currency);
  }
  if (max === null && min === null) problems.push({ field: 'limits', reason: 'must set a maximum discount, a minimum total, or both' });
  if (problems.length) throw ApprovalErrors.invalidLimits(problems);
  return { maxDiscountPercent, minTotal };
}

/** 422 APPROVALS.LIMITS_NOT_MET when the quote (as it is now) is beyond the limits, naming each bound it breaks. */
export function checkLimitsMet(limits: ApprovalLimits, figures: LimitFigures): void {
  const broken = brokenLimits(limits, figures);
  if (broken.length) throw ApprovalErrors.limitsNotMet(broken);
}

/**
 * The tightest of several approvals' limits: the lowest maximum discount, the highest minimum
 * total (each bound from whichever approval set it); null when none set any.
 */
export function tightestLimits(all: readonly ApprovalLimits[], currency: string): ApprovalLimits | null {
  let maxDiscountPercent: string | null = null;
  let minTotal: string | null = null;
  for (const limits of all) {
    if (limits.maxDiscountPercent !== null && (maxDiscountPercent === null || (percentToBasisPoints(limits.maxDiscountPercent) ?? 0) < (percentToBasisPoints(maxDiscountPercent) ?? 0))) {
      maxDiscountPercent = limits.maxDiscountPercent;
    }
    if (limits.minTotal !== null && (minTotal === null || minTotalMinor(limits.minTotal, currency) > minTotalMinor(minTotal, currency))) minTotal = limits.minTotal;
  }
  return maxDiscountPercent === null && minTotal === null ? null : { maxDiscountPercent, minTotal };
}
