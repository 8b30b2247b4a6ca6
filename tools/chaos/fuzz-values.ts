// Seeded randomness and the nasty values the fuzzer breaks requests with.

// ---- randomness ----

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  uuid(): string;
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: small, fast, good enough, and the same on every machine. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = '4';
      hex[16] = '89ab'[Math.floor(next() * 4)];
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
  return random;
}

// ---- nasty values ----

/** Valid text that tends to break things: emoji, RTL, combining marks, zero-width, injections. */
export const UNICODE_STRINGS: readonly string[] = [
  'Zoë Ümlaut – “quotes” ‘single’ €£¥ ß',
  '😀🚀👨‍👩‍👧‍👦🏳️‍🌈 emoji',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eevil\u202C right-to-left override',
  'e\u0301\u0301\u0301\u0301 combining',
  '\u200B\u200C\u200D\uFEFF zero-width',
  '𝕳𝖊𝖑𝖑𝖔 astral plane',
  '\uD800 lone surrogate',
  '\u0001\u0007\u001b[31m control characters',
  "Robert'); DROP TABLE quotes_quote;--",
  '{{record.ownerId}} {{#each x}} ${process.env.SECRET}',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '   ',
  '',
];

/** Text with a NUL character, which PostgreSQL cannot store in text columns. */
export const NUL_STRINGS: readonly string[] = ['NUL\u0000byte', '\u0000', 'a\u0000'.repeat(50)];

/** Numbers JSON can carry that break assumptions. */
export const NASTY_NUMBERS: readonly number[] = [-1, 0, 1.5, -0.000001, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];

/** JSON.parse turns these into ±Infinity: the closest JSON gets to NaN. */
export const NON_FINITE_LITERALS: readonly string[] = ['1e999', '-1e999'];

export const MALFORMED_IDS: readonly string[] = [
  'not-a-uuid',
  '0',
  '-1',
  '1e309',
  'null',
  'undefined',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  '%00',
  '%F0%9F%98%80',
  '%E2%80%AE',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20OR%201%3D1--",
  '%zz',
  '[object%20Object]',
];

export const NUMBER_QUERY_VALUES: readonly string[] = ['abc', 'NaN', 'Infinity', '-1', '0', '1.5', '1e309', '99999999999999999999999', '0x10', '', '%00'];

/** Whole bodies that are not what any endpoint expects. */
export const JUNK_BODIES: ReadonlyArray<{ name: string; body: string; contentType: string }> = [
  { name: 'empty body', body: '', contentType: 'application/json' },
  { name: 'JSON null', body: 'null', contentType: 'application/json' },
  { name: 'JSON array', body: '[]', contentType: 'application/json' },
  { name: 'JSON string', body: '"text"', contentType: 'application/json' },
  { name: 'JSON number', body: '42', contentType: 'application/json' },
  { name: 'truncated JSON', body: '{"title": "unterminated', contentType: 'application/json' },
  { name: 'trailing comma', body: '{"a": 1,}', contentType: 'application/json' },
  { name: '__proto__ pollution', body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"isAdmin": true}}}', contentType: 'application/json' },
  { name: 'constructor.prototype pollution', body: '{"constructor": {"prototype": {"role": "admin"}}}', contentType: 'application/json' },
  { name: 'deeply nested arrays', body: `${'['.repeat(5_000)}${']'.repeat(5_000)}`, contentType: 'application/json' },
  { name: 'deeply nested objects', body: `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`, contentType: 'application/json' },
  { name: 'plain text', body: 'hello', contentType: 'text/plain' },
  { name: 'form encoded', body: 'title=x&version=1', contentType: 'application/x-www-form-urlencoded' },
  { name: 'multipart', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
  { name: 'XML', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', contentType: 'application/xml' },
  { name: 'JSON as UTF-16', body: '{"a": 1}', contentType: 'application/json; charset=utf-16' },
  { name: 'over the 1 MB body limit', body: JSON.stringify({ title: 'x'.repeat(1_100_000) }), contentType: 'application/json' },
];

export const HUGE = 100_000;
