import { describe, expect, it } from 'vitest';
import { createAppI18n, type AppLocale } from '../../i18n';
import type { StepActivity } from './approvals-api';
import type { Words } from './route-words';
import { stepActivityText } from './step-activity-words';
import { weekdayName, timeZoneChoices } from './business-hours';

function wordsIn(locale: AppLocale): Words {
  const { t } = createAppI18n(locale).global;
  return { t: (key, named, plural) => (plural === undefined ? t(key, named ?? {}) : t(key, named ?? {}, plural)), locale };
}

const NAMES: Record<string, string> = { 'u-max': 'Max Manager', 'u-ada': 'Ada Admin', 'u-rita': 'Rita Rep', 'u-gus': 'Gus Gone' };
const nameOf = (id: string) => NAMES[id] ?? 'Unknown user';

const entry = (overrides: Partial<StepActivity>): StepActivity => ({ kind: 'reminded', step: 0, from: null, to: null, by: null, note: null, reason: null, at: '2026-05-04T09:00:00.000Z', ...overrides });

describe('stepActivityText', () => {
  it.each<[Partial<StepActivity>, string, string]>([
    [{ kind: 'escalated', to: 'u-max', reason: 'no-decision' }, 'Escalated to Max Manager (no decision in time)', 'Geëscaleerd naar Max Manager (geen beslissing op tijd)'],
    [{ kind: 'escalated', to: null, reason: 'nobody' }, 'Not escalated: there was nobody to escalate to', 'Niet geëscaleerd: er was niemand om naar te escaleren'],
    [{ kind: 'reminded', by: 'u-rita', reason: 'asked' }, 'Rita Rep reminded the approvers', 'Rita Rep herinnerde de goedkeurders'],
    [{ kind: 'reminded', by: null, reason: 'no-decision' }, 'The approvers were reminded automatically (no decision in time)', 'De goedkeurders kregen automatisch een herinnering (geen beslissing op tijd)'],
    [{ kind: 'reminded', by: null, reason: null }, 'The approvers were reminded automatically', 'De goedkeurders kregen automatisch een herinnering'],
    [{ kind: 'delegated', from: 'u-max', to: 'u-ada', reason: 'out-of-office' }, 'Ada Admin decides in the place of Max Manager (out of office)', 'Ada Admin beslist in de plaats van Max Manager (afwezig)'],
    [{ kind: 'reassigned', from: 'u-max', to: 'u-ada', by: 'u-rita' }, 'Rita Rep gave Max Manager’s place to Ada Admin', 'Rita Rep gaf de plaats van Max Manager aan Ada Admin'],
    [{ kind: 'fallback', from: 'u-gus', to: 'u-ada', reason: 'inactive' }, 'Gus Gone’s place went to the fallback approver Ada Admin (deactivated)', 'De plaats van Gus Gone ging naar de reservegoedkeurder Ada Admin (gedeactiveerd)'],
    [{ kind: 'fallback', from: 'u-gus', to: null, reason: 'not-approver' }, 'Gus Gone no longer approves this step (no longer a manager or admin)', 'Gus Gone keurt deze stap niet meer goed (geen manager of beheerder meer)'],
    [{ kind: 'escalated', to: 'u-max', reason: 'some-new-code' }, 'Escalated to Max Manager', 'Geëscaleerd naar Max Manager'],
  ])('says %o in English and Dutch', (given, english, dutch) => {
    expect(stepActivityText(entry(given), nameOf, wordsIn('en'))).toBe(english);
    expect(stepActivityText(entry(given), nameOf, wordsIn('nl'))).toBe(dutch);
  });
});

describe('business hours words', () => {
  it('names the ISO weekdays from Monday in the app’s language, with a capital', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((day) => weekdayName(day, 'en'))).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect([1, 5, 7].map((day) => weekdayName(day, 'nl'))).toEqual(['Maandag', 'Vrijdag', 'Zondag']);
  });

  it('offers the IANA time zones sorted, with UTC and a saved zone the list lacks', () => {
    const zones = timeZoneChoices('Asia/Calcutta');
    expect(zones).toContain('Europe/Amsterdam');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Calcutta');
    expect(zones).toEqual([...zones].sort((a, b) => a.localeCompare(b)));
    expect(new Set(zones).size).toBe(zones.length);
  });
});
