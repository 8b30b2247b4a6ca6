import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { User } from './user';

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
});
