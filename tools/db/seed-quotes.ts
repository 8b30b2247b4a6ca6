/**
 * Bulk quotes for load tests, on PostgreSQL only:  npm run db:seed:quotes -- --count 1000000
 *
 * Needs a migrated database with the demo users (`npm run db:migrate && npm run db:seed`), on
 * DATABASE_URL. Everything is generated set-based in SQL (`INSERT … SELECT … FROM generate_series`),
 * so a million quotes take minutes, not hours:
 * - reps: `bench-rep-NNN@example.com` (password `demo`, copied from rep@example.com) up to 200 reps;
 * - companies (one per 50 quotes) and deals (one per 10 quotes), each deal owned by a rep;
 * - quotes spread over the reps, deals, companies and every status, created over the last three
 *   years, with 1–3 line items, their history and a consistent total; numbers Q-YYYY-NNNN continue
 *   each year's counter (`quotes_number_counter` is moved past them, so later quotes never collide);
 * - an approval round (approver: manager@example.com) for each quote in Pending approval or
 *   Changes requested, so those can be approved or reviewed through the API;
 * - then ANALYZE.
 * Seeded quotes get no expiry job and no outbox events: they are data, not history.
 */
import { Client } from 'pg';

export interface SeedQuotesOptions {
  count: number;
  /** Reps owning the quotes, the demo reps included (default: one per 5,000 quotes, 2 to 200). */
  reps?: number;
  log?: (line: string) => void;
}

export interface SeedQuotesResult {
  quotes: number;
  pendingApproval: number;
  reps: number;
  companies: number;
  deals: number;
  seconds: number;
}

/** Share of each status, in percent (sums to 100). */
const STATUS_MIX: Array<[string, number]> = [
  ['draft', 22],
  ['pending_approval', 8],
  ['changes_requested', 4],
  ['approved', 2],
  ['published', 24],
  ['approval_not_needed', 12],
  ['signed', 18],
  ['expired', 10],
];

/** The statuses a quote went through to reach its status (its history). */
const PATHS: Record<string, string[]> = {
  draft: ['draft'],
  pending_approval: ['draft', 'pending_approval'],
  changes_requested: ['draft', 'pending_approval', 'changes_requested'],
  approved: ['draft', 'pending_approval', 'approved'],
  published: ['draft', 'pending_approval', 'approved', 'published'],
  approval_not_needed: ['draft', 'approval_not_needed'],
  signed: ['draft', 'approval_not_needed', 'signed'],
  expired: ['draft', 'pending_approval', 'approved', 'published', 'expired'],
};

const PREFIXES = ['Blue', 'North', 'Silver', 'Iron', 'Green', 'Bright', 'Red', 'Stone', 'Sun', 'Oak', 'River', 'Cloud', 'Star', 'Swift', 'Golden', 'Deep', 'High', 'West', 'East', 'Clear', 'Nova', 'Polar', 'Amber', 'Cedar', 'Coral', 'Delta', 'Echo', 'Falcon', 'Granite', 'Harbor', 'Indigo', 'Jade', 'Kite', 'Lumen', 'Maple', 'Nimbus', 'Onyx', 'Pine', 'Quartz', 'Raven'];
const ROOTS = ['peak', 'wind', 'field', 'bridge', 'gate', 'line', 'works', 'point', 'wave', 'stone', 'brook', 'ridge', 'forge', 'light', 'path', 'port', 'side', 'vale', 'crest', 'shore', 'wood', 'mark', 'hill', 'bay', 'core', 'dale', 'fall', 'glen', 'haven', 'land', 'moor', 'rock', 'spring', 'tree', 'view', 'well', 'yard', 'bank', 'cliff', 'field'];
const SUFFIXES = ['BV', 'GmbH', 'Ltd', 'Inc', 'NV', 'Systems', 'Logistics', 'Labs', 'Holding', 'Consulting', 'Retail', 'Energy'];
const PRODUCTS = [
  'Website redesign',
  'CRM rollout',
  'Annual support renewal',
  'Cloud migration',
  'Security audit',
  'Data platform',
  'Mobile app',
  'Managed hosting',
  'Onboarding package',
  'Training days',
  'License expansion',
  'Integration project',
  'Analytics dashboard',
  'Network upgrade',
  'E-commerce shop',
  'Helpdesk outsourcing',
  'ERP implementation',
  'Brand identity',
  'Marketing automation',
  'Office hardware',
];
const STAGES = ['appointment_scheduled', 'qualified_to_buy', 'presentation_scheduled', 'decision_maker_bought_in', 'contract_sent'];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
/** A UUID v7 (time-ordered, as the application makes them) from a timestamp expression and a random hex source. */
const uuidv7 = (at: string, hex: string) =>
  `(select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 13, 3) || '-' || substr('89ab', 1 + (get_byte(decode(substr(h, 16, 2), 'hex'), 0) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)
     from (select lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || substr(${hex}, 1, 20) as h) x)`;
/** A timestamp as the application writes it into JSON (Date.toISOString()). */
const iso = (at: string) => `to_char((${at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** Money as the API formats it (minor units → "1234.50"). */
const money = (minor: string) => `((${minor}) / 100)::text || '.' || lpad(((${minor}) % 100)::text, 2, '0')`;

export async function seedQuotes(databaseUrl: string, options: SeedQuotesOptions): Promise<SeedQuotesResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const count = Math.floor(options.count);
  if (!(count > 0)) throw new Error('--count must be a positive whole number');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const result = await client.query(sql, params);
    log(`  ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s${result.rowCount !== null && result.command !== 'ANALYZE' ? ` (${result.rowCount} rows)` : ''}`);
    return result;
  };
  try {
    const users = await client.query<{ id: string; email: string; password_hash: string }>(
      `select id, email, password_hash from identity_user where email in ('manager@example.com', 'rep@example.com', 'rep2@example.com', 'admin@example.com')`,
    );
    const byEmail = (email: string) => users.rows.find((u) => u.email === email);
    const manager = byEmail('manager@example.com');
    const rep = byEmail('rep@example.com');
    if (!manager || !rep || !byEmail('rep2@example.com')) throw new Error('the demo users are missing: run `npm run db:seed` first');

    const reps = Math.max(2, Math.min(200, options.reps ?? Math.round(count / 5000)));
    const companies = Math.max(10, Math.round(count / 50));
    const deals = Math.max(10, Math.round(count / 10));
    log(`seed: ${count} quotes over ${reps} reps, ${deals} deals, ${companies} companies`);
    // Session settings for a bulk load: no WAL flush wait per statement, more memory for sorts and index builds.
    await client.query(`set synchronous_commit = off`);
    await client.query(`set work_mem = '256MB'`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    await client.query(`select setseed(0.42)`);

    await step(
      'reps',
      `insert into identity_user (id, email, name, role, password_hash, active, created_at)
       select gen_random_uuid()::text, 'bench-rep-' || lpad(g::text, 3, '0') || '@example.com', 'Bench Rep ' || g, 'rep', $1, true, now()
       from generate_series(1, $2::int) g
       on conflict (email) do nothing`,
      [rep.password_hash, reps - 2],
    );
    await client.query(`drop table if exists seed_rep, seed_company, seed_deal`);
    await client.query(
      `create temp table seed_rep as
       select row_number() over (order by email) - 1 as n, id from identity_user
       where role = 'rep' and (email in ('rep@example.com', 'rep2@example.com') or email ~ '^bench-rep-\\d+@example\\.com$')
       order by email limit $1`,
      [reps],
    );
    const repCount = (await client.query<{ n: number }>(`select count(*)::int as n from seed_rep`)).rows[0].n;

    await client.query(
      `create temp table seed_company as
       select g - 1 as n, gen_random_uuid()::text as id,
         (${sqlArray(PREFIXES)})[1 + g % ${PREFIXES.length}] || (${sqlArray(ROOTS)})[1 + (g / ${PREFIXES.length}) % ${ROOTS.length}] || ' ' ||
         (${sqlArray(SUFFIXES)})[1 + (g / ${PREFIXES.length * ROOTS.length}) % ${SUFFIXES.length}] ||
         case when g >= ${PREFIXES.length * ROOTS.length * SUFFIXES.length} then ' ' || (g / ${PREFIXES.length * ROOTS.length * SUFFIXES.length} + 1)::text else '' end as name
       from generate_series(1, $1::int) g`,
      [companies],
    );
    await step(
      'companies',
      `insert into crm_company (id, name, domain, created_at)
       select id, name, lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g')) || '.example', now() - interval '4 years' from seed_company`,
    );
    await client.query(
      `create temp table seed_deal as
       select g - 1 as n, gen_random_uuid()::text as id, r.id as owner_id, c.id as company_id, c.name as company_name,
         c.name || ' – ' || (${sqlArray(PRODUCTS)})[1 + g % ${PRODUCTS.length}] as name,
         (${sqlArray(STAGES)})[1 + g % ${STAGES.length}] as stage
       from generate_series(1, $1::int) g
       join seed_rep r on r.n = g % ${repCount}
       join seed_company c on c.n = (g::bigint * 7919) % ${companies}`,
      [deals],
    );
    await client.query(`create index on seed_deal (n)`);
    await step(
      'deals',
      `insert into crm_deal (id, version, name, amount_minor, currency, owner_id, stage, company_id, created_at)
       select id, 1, name, (1000 + (n * 37) % 99000) * 100, 'EUR', owner_id, stage, company_id, now() - interval '4 years' from seed_deal`,
    );

    const bucketCase = (() => {
      let upTo = 0;
      return `case ${STATUS_MIX.map(([status, share]) => `when bucket < ${(upTo += share)} then '${status}'`).join(' ')} end`;
    })();
    const pathCase = `case status ${Object.entries(PATHS)
      .map(([status, path]) => `when '${status}' then ${sqlArray(path)}`)
      .join(' ')} end`;
    const line = (k: number) =>
      `jsonb_build_object('id', ${uuidv7('created_at', `md5('line${k}' || i)`)}, 'productName', (${sqlArray(PRODUCTS)})[1 + (product + ${(k - 1) * 7}) % ${PRODUCTS.length}],
        'description', '', 'quantity', q${k}, 'unitPriceMinor', p${k}, 'discount', null, 'billingPeriod', 'one_time')`;
    await client.query(`drop table if exists seed_quote`);
    await step(
      'quotes (generated)',
      `create temp table seed_quote as
       with base as (
         select i, random() as r_bucket, random() as r_age, random() as r_span, random() as r_lines, random() as r_q1, random() as r_q2, random() as r_q3,
           random() as r_p1, random() as r_p2, random() as r_p3, random() as r_title, random() as r_product
         from generate_series(1, $1::int) i
       ), shaped as (
         select b.*, floor(r_bucket * 100)::int as bucket,
           now() - interval '3 years' * r_age as created_at,
           1 + floor(r_lines * 3)::int as lines,
           1 + floor(r_q1 * 20)::int as q1, 1 + floor(r_q2 * 10)::int as q2, 1 + floor(r_q3 * 5)::int as q3,
           (50 + floor(r_p1 * 4950)::int) * 100 as p1, (10 + floor(r_p2 * 990)::int) * 100 as p2, (5 + floor(r_p3 * 495)::int) * 100 as p3
         from base b
       ), statused as (
         select s.*, ${bucketCase} as status from shaped s
       )
       select s.i, s.status, s.created_at,
         -- Last changed up to three weeks after creation.
         least(now(), s.created_at + interval '1 day' * (1 + r_span * 20)) as updated_at,
         d.id as deal_id, d.owner_id, d.company_id, d.company_name,
         floor(r_product * ${PRODUCTS.length})::int as product,
         (${sqlArray(PRODUCTS)})[1 + floor(r_product * ${PRODUCTS.length})::int] || case when r_title < 0.3 then ' phase ' || (1 + i % 3)::text when r_title < 0.5 then ' ' || extract(year from s.created_at)::int::text else '' end as title,
         q1, q2, q3, p1, p2, p3, lines,
         q1 * p1 + case when lines >= 2 then q2 * p2 else 0 end + case when lines >= 3 then q3 * p3 else 0 end as total_minor,
         ${pathCase} as path
       from statused s
       join seed_deal d on d.n = (i::bigint * 104729) % ${deals}`,
      [count],
    );
    const quoteCols = `id, version, number, owner_id, status, title, deal_id, company_id, company_name, recipient_contact_ids, currency, expires_on, quote_discount,
      comments_for_buyer, purchase_terms, line_items, total_minor, share_slug, signature, history, created_at, updated_at, submitted_at`;
    // Loading into a table without its secondary indexes and building them afterwards is several
    // times faster than updating nine indexes row by row. All in one transaction: a failure leaves
    // the table as it was (the table is locked meanwhile, so seed a database nobody is using).
    await client.query('begin');
    const indexes = (
      await client.query<{ name: string; definition: string }>(
        `select i.relname as name, pg_get_indexdef(i.oid) as definition
         from pg_index x join pg_class i on i.oid = x.indexrelid
         where x.indrelid = 'quotes_quote'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
      )
    ).rows;
    for (const index of indexes) await client.query(`drop index "${index.name}"`);
    await step(
      'quotes',
      `insert into quotes_quote (${quoteCols})
       select ${uuidv7('s.created_at', `md5('quote' || s.i)`)}, array_length(s.path, 1),
         'Q-' || s.year || '-' || lpad(s.seq::text, greatest(4, length(s.seq::text)), '0'),
         s.owner_id, s.status, s.title, s.deal_id, s.company_id, s.company_name, '[]', 'EUR',
         to_char(case when s.status in ('signed', 'expired') then s.created_at + interval '60 days' else now() + interval '1 day' * (30 + s.i % 150) end, 'YYYY-MM-DD'),
         null, '', 'Net 30.',
         jsonb_build_array(${line(1)}) || case when s.lines >= 2 then jsonb_build_array(${line(2)}) else '[]'::jsonb end || case when s.lines >= 3 then jsonb_build_array(${line(3)}) else '[]'::jsonb end,
         s.total_minor,
         case when s.status in ('published', 'approval_not_needed', 'signed') then translate(encode(sha256(('slug' || s.i || random())::bytea), 'base64'), '+/=', '-_') end,
         case when s.status = 'signed' then jsonb_build_object('name', 'Bea Buyer', 'email', 'bea@' || lower(regexp_replace(s.company_name, '[^A-Za-z0-9]+', '-', 'g')) || '.example', 'signedAt', ${iso('s.updated_at')}) end,
         (select jsonb_agg(jsonb_build_object('status', p.status, 'previousStatus', s.path[p.k - 1], 'by', case when p.status in ('approved', 'published', 'changes_requested') then $1 when p.status in ('signed', 'expired') then null else s.owner_id end,
              'at', ${iso('s.created_at + (s.updated_at - s.created_at) * (p.k - 1) / greatest(array_length(s.path, 1) - 1, 1)')},
              'note', case when p.status = 'changes_requested' then 'Lower the discount, please' end) order by p.k)
          from unnest(s.path) with ordinality p(status, k)),
         s.created_at, s.updated_at,
         -- The last submission's time in its history (null: never submitted).
         (select max(s.created_at + (s.updated_at - s.created_at) * (p.k - 1) / greatest(array_length(s.path, 1) - 1, 1)) from unnest(s.path) with ordinality p(status, k)
          where p.status in ('pending_approval', 'approval_not_needed') and s.path[p.k - 1] in ('draft', 'changes_requested'))
       from (
         -- Each year's numbers continue its counter, in order of creation.
         select s.*, y.year, coalesce(c.last, 0) + row_number() over (partition by y.year order by s.created_at, s.i) as seq
         from seed_quote s
         cross join lateral (select extract(year from s.created_at)::int as year) y
         left join quotes_number_counter c on c.year = y.year
       ) s
       -- In order of creation: ids (UUID v7) and numbers then grow, so their unique indexes fill at
       -- their right edge instead of at random pages all over them.
       order by s.created_at, s.i`,
      [manager.id],
    );
    const t = Date.now();
    for (const index of indexes) await client.query(index.definition);
    await client.query('commit');
    log(`  quotes indexes (${indexes.length}, rebuilt): ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await step(
      'number counters',
      `insert into quotes_number_counter (year, last)
       select substr(number, 3, 4)::int, max(substr(number, 8)::int) from quotes_quote where number ~ '^Q-\\d{4}-\\d+$' group by 1
       on conflict (year) do update set last = greatest(quotes_number_counter.last, excluded.last)`,
    );
    // Fresh statistics first: without them the planner takes the new million rows for none. VACUUM
    // also sets the visibility map, as autovacuum soon would, so index-only scans stay index-only.
    await step('vacuum analyze quotes', `vacuum (analyze) quotes_quote`);
    const pending = await step(
      'approval rounds',
      // The route "approval on all quotes" gives (policy version 1, seeded below): one step, one group, the manager.
      `insert into approvals_request (id, version, quote_id, quote_version, round, owner_id, approver_ids, route, current_step, status, decisions, snapshot, opened_at, decided_at)
       select ${uuidv7('q.updated_at', `md5('round' || q.id)`)}, 1, q.id, case when q.status = 'pending_approval' then q.version else q.version - 1 end, 1, q.owner_id,
         jsonb_build_array($1::text),
         jsonb_build_object('policyVersion', 1,
           'steps', jsonb_build_array(jsonb_build_object('groups', jsonb_build_array(jsonb_build_object(
             'approverIds', jsonb_build_array($1::text), 'mode', 'any', 'refs', jsonb_build_array(jsonb_build_object('kind', 'user', 'userId', $1::text)), 'ruleIds', '[]'::jsonb, 'notes', '[]'::jsonb)))),
           'rules', jsonb_build_array(jsonb_build_object('ruleId', '', 'ruleName', '', 'reasons', jsonb_build_array(jsonb_build_object('code', 'all-quotes'))))),
         0,
         case when q.status = 'pending_approval' then 'pending' else 'changes_requested' end,
         case when q.status = 'pending_approval' then '[]'::jsonb
           else jsonb_build_array(jsonb_build_object('approverId', $1::text, 'decision', 'request_changes', 'notes', 'Lower the discount, please', 'at', ${iso('q.updated_at')}, 'step', 0)) end,
         jsonb_build_object('title', q.title, 'currency', q.currency, 'total', ${money('q.total_minor')}, 'quoteDiscount', null,
           'lines', (select jsonb_agg(jsonb_build_object('id', l->>'id', 'productName', l->>'productName', 'quantity', (l->>'quantity')::int,
              'unitPrice', ${money("(l->>'unitPriceMinor')::bigint")}, 'discount', null, 'net', ${money("(l->>'quantity')::bigint * (l->>'unitPriceMinor')::bigint")}))
            from jsonb_array_elements(q.line_items) l)),
         q.updated_at, case when q.status = 'changes_requested' then q.updated_at end
       from quotes_quote q
       where q.status in ('pending_approval', 'changes_requested') and q.number ~ '^Q-\\d{4}-\\d+$'
         and not exists (select 1 from approvals_request a where a.quote_id = q.id)`,
      [manager.id],
    );
    await step(
      'approval settings',
      `insert into approvals_settings (id, version, require_approval, default_approver_id, rules, updated_at, updated_by)
       values ('default', 1, true, $1, '[]', now(), null) on conflict (id) do nothing`,
      [manager.id],
    );
    await client.query(`drop table if exists seed_quote, seed_rep, seed_company, seed_deal`);
    await step('analyze', `analyze identity_user, crm_company, crm_deal, quotes_number_counter, approvals_request, approvals_settings`);
    const seconds = (Date.now() - started) / 1000;
    const pendingApproval = (await client.query<{ n: number }>(`select count(*)::int as n from quotes_quote where status = 'pending_approval'`)).rows[0].n;
    log(`seed: ${count} quotes in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} quotes/s); ${pending.rowCount} approval rounds`);
    return { quotes: count, pendingApproval, reps: repCount, companies, deals, seconds };
  } finally {
    await client.end();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must point at PostgreSQL (the bulk seed is PostgreSQL only)');
  await seedQuotes(databaseUrl, { count: Number(value('count') ?? 100_000), reps: value('reps') ? Number(value('reps')) : undefined });
}

// Run as a command (tools/launcher/run-ts.cjs puts this file in argv[1]); the benchmark imports seedQuotes.
if (process.argv[1]?.endsWith('seed-quotes.ts')) {
  main().catch((error) => {
    console.error('seed:quotes failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
