import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

type UserRow = { id: string; email: string; name: string; role: string; active: boolean; team: string | null; reportsTo: string | null };

/** Admins put users in teams under managers over HTTP (the org approval routing reads); loops and bad input change nothing. */
describe('the org chart (team, reports to)', () => {
  let api: ApiTestApp;
  let admin: string;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    api = await startApiTestApp();
    await api.seedDemoUsers();
    admin = await api.logIn('admin@example.com');
  });
  afterAll(() => api?.close());

  /** A user of this test only. */
  const newUser = async (label: string) => {
    const { id } = await RequestContext.create(api.app.get(MikroORM).em.fork(), () =>
      api.app.get(CommandBus).execute(new CreateUserCommand(`${label}-${run}@example.com`, label, 'rep', 'correct horse')),
    );
    return id;
  };
  const patch = (id: string, payload: unknown, cookie = admin) => api.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload, headers: { cookie } });
  const listed = async () => (await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } })).json<{ items: UserRow[] }>().items;
  const byEmail = async (email: string) => (await listed()).find((u) => u.email === email)!;
  const byId = async (id: string) => (await listed()).find((u) => u.id === id)!;
  const orgEvents = (id: string): Promise<Array<{ name: string; payload: unknown }>> =>
    api.app
      .get(MikroORM)
      .em.fork()
      .getConnection()
      .execute(`select name, payload from messaging_outbox where aggregate_id = ? and name = 'identity.user.org-changed.v1' order by id`, [id]);

  it('lists the demo org: the reps report to the sales manager, who reports to the admin', async () => {
    const [ada, max, rita, remy] = await Promise.all(['admin', 'manager', 'rep', 'rep2'].map((who) => byEmail(`${who}@example.com`)));
    expect([ada, max, rita, remy].map((u) => [u.name, u.team, u.reportsTo])).toEqual([
      ['Ada Admin', 'Management', null],
      ['Max Manager', 'Sales', ada.id],
      ['Rita Rep', 'Sales', max.id],
      ['Remy Rep', 'Sales', max.id],
    ]);
  });

  it('puts a user in a team under a manager, answers and lists it, and publishes the change with the previous values', async () => {
    const [lead, member] = [await newUser('lead'), await newUser('member')];
    const placed = await patch(member, { team: '  Key accounts ', reportsTo: lead });
    expect(placed.statusCode).toBe(200);
    expect(placed.json()).toEqual({ id: member, email: `member-${run}@example.com`, name: 'member', role: 'rep', active: true, team: 'Key accounts', reportsTo: lead });
    expect(await byId(member)).toMatchObject({ team: 'Key accounts', reportsTo: lead });

    // Left-out fields stay; null clears; role and org change together.
    expect((await patch(member, { team: null, role: 'manager' })).json()).toMatchObject({ team: null, reportsTo: lead, role: 'manager' });
    // The same again changes nothing and publishes nothing.
    expect((await patch(member, { team: null, reportsTo: lead })).statusCode).toBe(200);
    expect((await orgEvents(member)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ userId: member, team: 'Key accounts', reportsTo: lead, previousTeam: null, previousReportsTo: null }),
      expect.objectContaining({ userId: member, team: null, reportsTo: lead, previousTeam: 'Key accounts', previousReportsTo: lead }),
    ]);
  });

  it('refuses a loop with the field, the reason and the path, changing nothing (nor the role sent with it)', async () => {
    const [boss, lead, member] = [await newUser('boss'), await newUser('chief'), await newUser('staff')];
    expect((await patch(lead, { reportsTo: boss })).statusCode).toBe(200);
    expect((await patch(member, { reportsTo: lead })).statusCode).toBe(200);

    const loop = await patch(boss, { team: 'Board', reportsTo: member, role: 'manager' });
    expect(loop.statusCode).toBe(422);
    expect(loop.json()).toMatchObject({
      code: 'IDENTITY.INVALID_REPORTS_TO',
      details: { fields: [{ field: 'reportsTo', reason: 'would make a loop: boss → staff → chief → boss' }], problem: 'loop', path: [boss, member, lead, boss] },
    });
    const self = await patch(boss, { reportsTo: boss });
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({ code: 'IDENTITY.INVALID_REPORTS_TO', details: { fields: [{ field: 'reportsTo', reason: 'a user cannot report to themselves' }], problem: 'self' } });
    const nobody = randomUUID();
    const unknownManager = await patch(boss, { reportsTo: nobody });
    expect(unknownManager.statusCode).toBe(422);
    expect(unknownManager.json()).toMatchObject({ code: 'IDENTITY.INVALID_REPORTS_TO', details: { fields: [{ field: 'reportsTo', reason: 'unknown user' }], problem: 'unknown-user' } });

    expect(await byId(boss)).toMatchObject({ team: null, reportsTo: null, role: 'rep' });
    expect(await orgEvents(boss)).toEqual([]);
  });

  it('lets admins place themselves, but still not change their own role (nothing of that request is stored)', async () => {
    const adminId = (await byEmail('admin@example.com')).id;
    const own = await patch(adminId, { team: 'Directors', role: 'admin' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ team: 'Directors', role: 'admin' });
    const ownRole = await patch(adminId, { team: 'Elsewhere', role: 'rep' });
    expect(ownRole.json()).toMatchObject({ statusCode: 422, code: 'IDENTITY.CANNOT_CHANGE_SELF' });
    expect(await byId(adminId)).toMatchObject({ team: 'Directors', role: 'admin' });
  });

  it('refuses reps and managers (403), changing nothing', async () => {
    const target = await newUser('target');
    const managerId = (await byEmail('manager@example.com')).id;
    for (const email of ['rep@example.com', 'manager@example.com']) {
      const cookie = await api.logIn(email);
      const response = await patch(target, { team: 'Mine', reportsTo: managerId }, cookie);
      expect(response.statusCode, email).toBe(403);
      expect(response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    expect(await byId(target)).toMatchObject({ team: null, reportsTo: null });
  });

  it('answers 400 naming the field for a malformed id or team, and 404 for an unknown user', async () => {
    const user = await newUser('checked');
    const cases: Array<[unknown, string]> = [
      [{ reportsTo: 'not-a-uuid' }, 'reportsTo'],
      [{ reportsTo: 42 }, 'reportsTo'],
      [{ team: '   ' }, 'team'],
      [{ team: 'x'.repeat(61) }, 'team'],
      [{ team: 7 }, 'team'],
      [{ role: null }, 'role'],
    ];
    for (const [payload, field] of cases) {
      const response = await patch(user, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field })] } });
    }
    expect((await patch('not-a-uuid', { team: 'Sales' })).statusCode).toBe(400);
    const unknown = randomUUID();
    expect((await patch(unknown, { team: 'Sales' })).json()).toMatchObject({ statusCode: 404, code: 'IDENTITY.USER_NOT_FOUND', details: { id: unknown } });
    expect(await byId(user)).toMatchObject({ team: null, reportsTo: null });
  });
});
