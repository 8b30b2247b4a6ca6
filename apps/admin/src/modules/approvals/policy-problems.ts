// The problems of an approval policy's fields, as the page says them: the page's own checks
// (FormProblem) and the API's reasons (`{field, reason}` of a 422), turned into message keys with
// their numbers where the page knows the reason, so they read in the user's language; any other
// reason is shown as the API wrote it.
import type { FormProblem } from './approval-settings-form';

/** A message key under `approvalSettings.errors` with its parameters. */
export type KnownProblem =
  | FormProblem
  | 'approverNotAllowed'
  | 'tooLong'
  | 'tooMany'
  | 'teamName'
  | 'numberRange'
  | 'wholeNumber'
  | 'amount'
  | 'currencyCode'
  | 'chooseValue'
  | 'textLength'
  | 'rangeOrder'
  | 'listSize'
  | 'countryCode'
  | 'propertyName'
  | 'propertyNumber'
  | 'rateFormat'
  | 'baseRate'
  | 'currencyTwice';

/** A field problem: one the page knows how to say (with its numbers), or the API's own reason. */
export type FieldError = { problem: KnownProblem; params?: Record<string, number> } | { reason: string };

/** "must not be empty" says different things for a name and for each list of the policy. */
function emptyProblem(path: string): KnownProblem | null {
  if (/\.name$/.test(path)) return 'nameRequired';
  if (/\.when\.\d+\.conditions$/.test(path)) return 'conditionsRequired';
  if (/\.route$/.test(path)) return 'stepsRequired';
  if (/\.groups$/.test(path)) return 'groupsRequired';
  if (/\.approvers$/.test(path)) return 'approversRequired';
  return null;
}

const numbers = (match: RegExpExecArray, ...names: string[]) => Object.fromEntries(names.map((name, index) => [name, Number(match[index + 1])]));

/** The API's reason for a field (`rules.0.when.0.conditions.0.value`) as a problem the page can say. */
export function problemOfReason(path: string, reason: string): FieldError {
  const text = reason.trim();
  let match: RegExpExecArray | null;
  if (/^choose an approver/i.test(text)) return { problem: 'chooseApprover' };
  if (/active manager or admin/i.test(text)) return { problem: 'approverNotAllowed' };
  if (/^must not be empty$/i.test(text)) {
    const problem = emptyProblem(path);
    return problem ? { problem } : { reason };
  }
  if ((match = /^at most (\d+) characters$/i.exec(text))) return { problem: 'tooLong', params: numbers(match, 'max') };
  if ((match = /^at most (\d+)$/i.exec(text))) return { problem: 'tooMany', params: numbers(match, 'max') };
  if (/^must be a team name/i.test(text)) return { problem: 'teamName' };
  if (/\.levels$/.test(path) && /whole number from/i.test(text)) return { problem: 'levelsRange' };
  if ((match = /^must be (?:a number |a whole number )?from (-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)$/i.exec(text))) return { problem: 'numberRange', params: numbers(match, 'min', 'max') };
  if (/^must be a whole number$/i.test(text)) return { problem: 'wholeNumber' };
  if (/^must be an amount/i.test(text)) return { problem: 'amount' };
  if (/^must be (?:a currency code|an ISO 4217 currency code)/i.test(text)) return { problem: 'currencyCode' };
  if (/^must be an ISO 3166-1 alpha-2 country code/i.test(text)) return { problem: 'countryCode' };
  if (/^must be a property name/i.test(text)) return { problem: 'propertyName' };
  if (/^must be a number like/i.test(text)) return { problem: 'propertyNumber' };
  if (/^must be a positive decimal/i.test(text)) return { problem: 'rateFormat' };
  if (/^is the base currency$/i.test(text)) return { problem: 'baseRate' };
  if (/^is given twice$/i.test(text)) return { problem: 'currencyTwice' };
  // Reminders and escalation of a rule, and the business hours they count in.
  if (/^must be business hours from/i.test(text)) return { problem: 'hoursRange' };
  if (/^must be after the reminder$/i.test(text)) return { problem: 'escalateAfterReminder' };
  if (/\.escalateTo$/.test(path) && /^must be manager or fallback$/i.test(text)) return { problem: 'chooseValue' };
  if (/^businessHours\.timeZone$/.test(path) && /time zone|must be a text/i.test(text)) return { problem: 'chooseTimeZone' };
  if (/^choose at least one working day$/i.test(text)) return { problem: 'daysRequired' };
  if (/^businessHours\.(start|end)$/.test(path) && /must be a time HH:MM/i.test(text)) return { problem: 'timeRequired' };
  if (/^businessHours\.end$/.test(path) && /^must be after the start$/i.test(text)) return { problem: 'endAfterStart' };
  if (/\.value(\.\d+)?$/.test(path) && /^must be one of /i.test(text)) return { problem: 'chooseValue' };
  if (/^must be a text of/i.test(text)) return { problem: 'textLength' };
  if (/^from must not be greater than to$/i.test(text)) return { problem: 'rangeOrder' };
  if (/^must be a list of/i.test(text)) return { problem: 'listSize' };
  return { reason };
}
