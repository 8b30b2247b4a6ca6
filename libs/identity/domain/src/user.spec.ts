import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { orgDirectory, User } from './user';

const user = () => User.create({ email: ' Rita@Example.com', name: ' Rita Rep ', role: 'rep', passwordHash: 'h', now: new Date('2026-11-26T10:00:00Z') });

describe('User', () => {
  it('starts active, with a normalised e-mail', () => {
    expect(user()).toMatchObject({ email: 'rita@example.com', name: 'Rita Rep', active: true });
  });

  it('is deactivated and reactivated by an admin, once each', () => {
    const rita = user();
    rita.deactivate('admin-1');
    expect(rita.active).toBe(false);
    expect(() => rita.deactivate('admin-1')).toThrow(expect.objectContaining({ code: 'IDENTITY.USER_ALREADY_INACTIVE', kind: 'conflict' }));
    rita.reactivate();
    expect(rita.active).toBe(true);
    expect(() => rita.reactivate()).toThrow(expect.objectContaining({ code: 'IDENTITY.USER_ALREADY_ACTIVE', kind: 'conflict' }));
  });

  it('cannot deactivate itself or change its own role', () => {
    const admin = User.create({ email: 'a@example.com', name: 'Ada', role: 'admin', passwordHash: 'h' });
    const selfDeactivate = (() => { try { admin.deactivate(admin.id); } catch (e) { return e; } })();
    expect(selfDeactivate).toBeInstanceOf(DomainError);
    expect(selfDeactivate).toMatchObject({ code: 'IDENTITY.CANNOT_CHANGE_SELF', kind: 'invalid', details: { id: admin.id, action: 'deactivate' } });
    expect(() => admin.changeRole('rep', admin.id)).toThrow(expect.objectContaining({ code: 'IDENTITY.CANNOT_CHANGE_SELF', details: { id: admin.id, action: 'change-role' } }));
    expect(admin).toMatchObject({ active: true, role: 'admin' });
  });

  it('gets another role from an admin', () => {
    const rita = user();
    rita.changeRole('manager', 'admin-1');
    expect(rita.role).toBe('manager');
  });

  it('lets an admin "change" their own role to the one they have: no change, no event', () => {
    const admin = User.create({ email: 'a@example.com', name: 'Ada', role: 'admin', passwordHash: 'h' });
    admin.pullEvents();
    admin.changeRole('admin', admin.id);
    expect([admin.role, admin.pullEvents()]).toEqual(['admin', []]);
  });
});

describe('User in the org (team, reports to)', () => {
  const person = (name: string) => User.create({ email: `${name.toLowerCase()}@example.com`, name, role: 'rep', passwordHash: 'h' });
  const org = () => {
    const [ada, max, rita, remy] = ['Ada', 'Max', 'Rita', 'Remy'].map(person) as [User, User, User, User];
    for (const u of [ada, max, rita, remy]) u.pullEvents();
    const directory = () => orgDirectory([ada, max, rita, remy]);
    return { ada, max, rita, remy, directory };
  };
  const refusal = (act: () => void) => {
    try {
      act();
    } catch (error) {
      return error;
    }
    throw new Error('not refused');
  };

  it('starts in no team, reporting to nobody, unless created in a (trimmed) team under a manager', () => {
    expect(user()).toMatchObject({ team: null, reportsTo: null });
    const max = person('Max');
    const rita = User.create({ email: 'rita@example.com', name: 'Rita', role: 'rep', passwordHash: 'h', team: ' Sales ', reportsTo: max.id });
    expect([rita.team, rita.reportsTo, rita.pullEvents().map((e) => e.name)]).toEqual(['Sales', max.id, ['identity.user.created.v1']]);
    expect(() => User.create({ email: 'x@example.com', name: 'X', role: 'rep', passwordHash: 'h', team: '' })).toThrow(expect.objectContaining({ code: 'IDENTITY.INVALID_TEAM' }));
  });

  it('is put in a (trimmed) team under a manager, recording the change with the previous values', () => {
    const { max, rita, directory } = org();
    rita.placeInOrg({ team: '  Sales ', reportsTo: max.id }, directory());
    expect([rita.team, rita.reportsTo]).toEqual(['Sales', max.id]);
    rita.placeInOrg({ team: null, reportsTo: null }, directory());
    expect([rita.team, rita.reportsTo]).toEqual([null, null]);
    expect(rita.pullEvents().map((e) => [e.name, e.aggregateId, e.payload])).toEqual([
      ['identity.user.org-changed.v1', rita.id, { userId: rita.id, email: 'rita@example.com', name: 'Rita', role: 'rep', active: true, team: 'Sales', reportsTo: max.id, previousTeam: null, previousReportsTo: null }],
      ['identity.user.org-changed.v1', rita.id, { userId: rita.id, email: 'rita@example.com', name: 'Rita', role: 'rep', active: true, team: null, reportsTo: null, previousTeam: 'Sales', previousReportsTo: max.id }],
    ]);
  });

  it('changes nothing and records nothing when team and manager stay the same', () => {
    const { max, rita, directory } = org();
    rita.placeInOrg({ team: 'Sales', reportsTo: max.id }, directory());
    rita.pullEvents();
    rita.placeInOrg({ team: ' Sales', reportsTo: max.id }, directory());
    expect(rita.pullEvents()).toEqual([]);
  });

  it('refuses a team name that is empty or longer than 60 characters, naming the field', () => {
    const { rita, directory } = org();
    for (const team of ['   ', 'x'.repeat(61)]) {
      expect(refusal(() => rita.placeInOrg({ team, reportsTo: null }, directory()))).toMatchObject({
        code: 'IDENTITY.INVALID_TEAM',
        kind: 'invalid',
        details: { fields: [{ field: 'team', reason: 'must be 1 to 60 characters (or null for no team)' }] },
      });
    }
    rita.placeInOrg({ team: 'x'.repeat(60), reportsTo: null }, directory());
    expect(rita.team).toHaveLength(60);
  });

  it('refuses an unknown manager and reporting to oneself, changing nothing', () => {
    const { rita, directory } = org();
    expect(refusal(() => rita.placeInOrg({ team: 'Sales', reportsTo: 'nobody' }, directory()))).toMatchObject({
      code: 'IDENTITY.INVALID_REPORTS_TO',
      kind: 'invalid',
      details: { fields: [{ field: 'reportsTo', reason: 'unknown user' }], problem: 'unknown-user', userId: rita.id, reportsTo: 'nobody' },
    });
    expect(refusal(() => rita.placeInOrg({ team: 'Sales', reportsTo: rita.id }, directory()))).toMatchObject({
      code: 'IDENTITY.INVALID_REPORTS_TO',
      details: { fields: [{ field: 'reportsTo', reason: 'a user cannot report to themselves' }], problem: 'self' },
    });
    expect([rita.team, rita.reportsTo, rita.pullEvents()]).toEqual([null, null, []]);
  });

  it('refuses a manager who reports to the user, directly or through others, with the loop path', () => {
    const { ada, max, rita, remy, directory } = org();
    max.placeInOrg({ team: null, reportsTo: ada.id }, directory());
    rita.placeInOrg({ team: null, reportsTo: max.id }, directory());
    remy.placeInOrg({ team: null, reportsTo: rita.id }, directory());

    expect(refusal(() => max.placeInOrg({ team: null, reportsTo: rita.id }, directory()))).toMatchObject({
      code: 'IDENTITY.INVALID_REPORTS_TO',
      kind: 'invalid',
      details: { fields: [{ field: 'reportsTo', reason: 'would make a loop: Max → Rita → Max' }], problem: 'loop', path: [max.id, rita.id, max.id] },
    });
    expect(refusal(() => ada.placeInOrg({ team: 'Board', reportsTo: remy.id }, directory()))).toMatchObject({
      details: { fields: [{ field: 'reportsTo', reason: 'would make a loop: Ada → Remy → Rita → Max → Ada' }], path: [ada.id, remy.id, rita.id, max.id, ada.id] },
    });
    expect([max.reportsTo, ada.team, ada.reportsTo]).toEqual([ada.id, null, null]);

    // Moving sideways is no loop: Remy reports to Max instead of Rita.
    remy.placeInOrg({ team: null, reportsTo: max.id }, directory());
    expect(remy.reportsTo).toBe(max.id);
  });

  it('ends the walk up a loop that does not pass through the user (stored before), instead of walking forever', () => {
    const { max, rita, remy } = org();
    // Rita and Max report to each other in the stored directory (e.g. written by two admins at once).
    const directory = new Map([
      [max.id, { name: 'Max', reportsTo: rita.id }],
      [rita.id, { name: 'Rita', reportsTo: max.id }],
      [remy.id, { name: 'Remy', reportsTo: null }],
    ]);
    remy.placeInOrg({ team: null, reportsTo: rita.id }, directory);
    expect(remy.reportsTo).toBe(rita.id);
  });
});
