import { describe, expect, it } from 'vitest';
import { problemOfReason } from './policy-problems';

describe('policy problems', () => {
  it.each([
    ['defaultApproverId', 'choose an approver to require approval on all quotes', { problem: 'chooseApprover' }],
    ['rules.0.route.0.groups.0.approvers.0.userId', 'must be an active manager or admin', { problem: 'approverNotAllowed' }],
    ['rules.0.name', 'must not be empty', { problem: 'nameRequired' }],
    ['rules.0.when.1.conditions', 'must not be empty', { problem: 'conditionsRequired' }],
    ['rules.0.route', 'must not be empty', { problem: 'stepsRequired' }],
    ['rules.0.route.1.groups', 'must not be empty', { problem: 'groupsRequired' }],
    ['rules.0.route.1.groups.0.approvers', 'must not be empty', { problem: 'approversRequired' }],
    ['rules.0.name', 'at most 100 characters', { problem: 'tooLong', params: { max: 100 } }],
    ['rules', 'at most 50', { problem: 'tooMany', params: { max: 50 } }],
    ['rules.0.when.0.conditions.0.value', 'must be a number from 0 to 100', { problem: 'numberRange', params: { min: 0, max: 100 } }],
    ['rules.0.when.0.conditions.0.value', 'must be from -3650 to 3650', { problem: 'numberRange', params: { min: -3650, max: 3650 } }],
    ['rules.0.route.0.groups.0.approvers.0.levels', 'must be a whole number from 1 to 10', { problem: 'levelsRange' }],
    ['rules.0.when.0.conditions.0.value', 'must be a whole number', { problem: 'wholeNumber' }],
    ['rules.0.when.0.conditions.0.value.1', 'must be an amount like 10000 or 10000.50', { problem: 'amount' }],
    ['rules.0.when.0.conditions.0.value', 'must be a currency code like EUR', { problem: 'currencyCode' }],
    ['rules.0.when.0.conditions.0.value.0', 'must be one of rep, manager, admin', { problem: 'chooseValue' }],
    ['rules.0.route.0.groups.0.approvers.0.team', 'must be a team name of 1 to 60 characters', { problem: 'teamName' }],
    ['rules.0.when.0.conditions.0.value', 'from must not be greater than to', { problem: 'rangeOrder' }],
    ['rules.0.escalation.remindAfterHours', 'must be business hours from 0.25 to 500, in quarter hours', { problem: 'hoursRange' }],
    ['rules.1.escalation.escalateAfterHours', 'must be after the reminder', { problem: 'escalateAfterReminder' }],
    ['rules.0.escalation.escalateTo', 'must be manager or fallback', { problem: 'chooseValue' }],
    ['businessHours.timeZone', 'must be an IANA time zone such as Europe/Amsterdam', { problem: 'chooseTimeZone' }],
    ['businessHours.days', 'choose at least one working day', { problem: 'daysRequired' }],
    ['businessHours.start', 'must be a time HH:MM (00:00 to 23:59)', { problem: 'timeRequired' }],
    ['businessHours.end', 'end must be a time HH:MM', { problem: 'timeRequired' }],
    ['businessHours.end', 'must be after the start', { problem: 'endAfterStart' }],
    ['businessHours.days.0', 'must be a weekday number from 1 (Monday) to 7 (Sunday)', { reason: 'must be a weekday number from 1 (Monday) to 7 (Sunday)' }],
    ['rules.0.id', 'is used by another rule', { reason: 'is used by another rule' }],
  ])('says %s: "%s" in the page’s words', (path, reason, expected) => {
    expect(problemOfReason(path, reason)).toEqual(expected);
  });
});
