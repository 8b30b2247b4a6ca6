import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './http-error.filter';

describe('isDatabaseUnavailable: failures that answer 503, not 500', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection dropped mid-query (node-postgres sets no code)', new Error('Connection terminated unexpectedly')],
    ['the next query of a transaction knex ended when its connection dropped', new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['a pool that cannot get a connection', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception class 08', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['the ORM wrapping one of these', Object.assign(new Error('wrapped'), { name: 'DriverException', previous: new Error('Connection terminated unexpectedly') })],
    ['an error caused by one of these', new Error('query failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a protocol violation (08P01: what we sent was wrong, e.g. a NUL in SQL)', Object.assign(new Error('invalid message format'), { name: 'DriverException', code: '08P01' })],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
