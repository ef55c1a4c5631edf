import { type SQL, sql } from 'drizzle-orm';
import { REGION_TZ } from '../../../platform/calendar/index.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { type MonthCount, monthsOf, type Period, type RawFigures, type TopicCount } from './figures.ts';

/*
 * Report queries for the public statistics of appeals (they say so: plain
 * SQL over the appeals tables, aggregated in the database). Dates are the
 * local registration day (registered_on) and the local answer day in
 * the region's time zone. Nothing here returns a row of a single appeal.
 */

const ANSWERED = sql`a.status in ('sent', 'closed')`;
const OPEN = sql`a.status in ('registered', 'in_review', 'extended', 'awaiting_signature', 'answer_signed')`;
const ANSWER_DAY = sql`(a.answered_at at time zone ${REGION_TZ})::date`;

type Totals = Omit<RawFigures, 'byTopic' | 'byMonth'>;

const n = (v: unknown) => Number(v ?? 0);

async function rows<T>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = await db.execute(q);
  return r.rows as T[];
}

/** The organisations' appeals (alias a), or all. */
const orgFilter = (orgIds: readonly string[] | 'all') => orgColumn(sql`a.org_id`, orgIds);

/** The columns of appeal_figures_monthly after org_id and month, in order. */
const MONTH_COLUMNS = [
  'received',
  'answered',
  'on_time',
  'forwarded',
  'left_without_answer',
  'extended',
  'in_review',
  'days_sum',
  'days_base',
  'info_requests',
  'media_requests',
  'corruption_reports',
  'rated',
  'satisfied',
] as const;
const monthColumns = sql.raw(MONTH_COLUMNS.join(', '));

/** The appeals of each (body, month) pair of the relation `pairs` (columns org_id, month). */
const inPairMonth = sql`a.org_id = p.org_id and a.registered_on >= p.month
  and a.registered_on < (p.month + interval '1 month')::date`;

/** The figures of each (body, month) pair of `pairs`, in MONTH_COLUMNS order; pairs without appeals are absent. */
function monthAggregates(pairs: SQL): SQL {
  return sql`
    select c.org_id, c.month, c.received, c.answered, c.on_time, c.forwarded, c.left_without_answer,
      c.extended, c.in_review, c.days_sum, c.days_base, c.info_requests, c.media_requests,
      c.corruption_reports, coalesce(r.rated, 0)::int as rated, coalesce(r.satisfied, 0)::int as satisfied
    from (
      select p.org_id, p.month,
        (count(*) filter (where a.type = 'appeal'))::int as received,
        (count(*) filter (where a.type = 'appeal' and ${ANSWERED}))::int as answered,
        (count(*) filter (where a.type = 'appeal' and ${ANSWERED} and a.answered_at is not null and ${ANSWER_DAY} <= a.due_date))::int as on_time,
        (count(*) filter (where a.type = 'appeal' and a.status = 'forwarded'))::int as forwarded,
        (count(*) filter (where a.type = 'appeal' and a.status = 'left_without_answer'))::int as left_without_answer,
        (count(*) filter (where a.type = 'appeal' and a.extension_count > 0))::int as extended,
        (count(*) filter (where a.type = 'appeal' and ${OPEN}))::int as in_review,
        coalesce(sum(${ANSWER_DAY} - a.registered_on) filter (where a.type = 'appeal' and ${ANSWERED} and a.answered_at is not null), 0)::int as days_sum,
        (count(*) filter (where a.type = 'appeal' and ${ANSWERED} and a.answered_at is not null))::int as days_base,
        (count(*) filter (where a.type = 'info_request'))::int as info_requests,
        (count(*) filter (where a.type = 'media_request'))::int as media_requests,
        (count(*) filter (where a.type = 'corruption_report'))::int as corruption_reports
      from ${pairs} p join appeals a on ${inPairMonth}
      group by p.org_id, p.month
    ) c
    left join (
      select p.org_id, p.month, count(*) as rated, count(*) filter (where r.satisfied) as satisfied
      from ${pairs} p join appeals a on ${inPairMonth} and a.type = 'appeal'
        join appeal_ratings r on r.appeal_id = a.id
      group by p.org_id, p.month
    ) r on r.org_id = c.org_id and r.month = c.month`;
}

/** The citizens' appeals of each (body, month) pair of `pairs` by ТОТК theme ('' when not classified). */
function topicAggregates(pairs: SQL): SQL {
  return sql`
    select p.org_id, p.month, coalesce(left(a.topic_code, 9), '') as code, count(*)::int as count
    from ${pairs} p join appeals a on ${inPairMonth} and a.type = 'appeal'
    group by 1, 2, 3`;
}

/** True when the period is whole months (the precomputed figures serve it). */
export function isWholeMonths(p: Period): boolean {
  if (!/^\d{4}-\d{2}-01$/.test(p.from) || !/^\d{4}-\d{2}-\d{2}$/.test(p.to)) return false;
  const [y, m, d] = p.to.split('-').map(Number) as [number, number, number];
  return d === new Date(Date.UTC(y, m, 0)).getUTCDate() && p.from <= p.to;
}

function orgColumn(column: SQL, orgIds: readonly string[] | 'all') {
  return orgIds === 'all'
    ? sql`true`
    : orgIds.length === 0
      ? sql`false`
      : sql`${column} in (${sql.join(
          orgIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
}

/** One body's month of figures (raw, never shown as they are). */
export type MonthFigures = Totals & { orgId: string; month: string };

/** The months to read live: changed since computed, in the period, of these bodies. */
const staleIn = (orgIds: readonly string[] | 'all', p: Period) => sql`
  select distinct org_id, month from appeal_figures_stale
  where month between ${p.from}::date and ${p.to}::date and ${orgColumn(sql`org_id`, orgIds)}`;

export const statsRepository = {
  /**
   * The figures of every (body, month) of a whole-months period: precomputed, and computed here
   * for the months changed since (so never behind the appeals); months without appeals are absent.
   */
  async monthly(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<MonthFigures[]> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`
      with s as (${staleIn(orgIds, p)})
      ${monthAggregates(sql`s`)}
      union all
      select m.org_id, m.month, ${monthColumns} from appeal_figures_monthly m
      where m.month between ${p.from}::date and ${p.to}::date and ${orgColumn(sql`m.org_id`, orgIds)}
        and not exists (select 1 from s where s.org_id = m.org_id and s.month = m.month)`,
    );
    return list.map((r) => ({
      orgId: String(r.org_id),
      month: String(r.month).slice(0, 7),
      received: n(r.received),
      answered: n(r.answered),
      answeredOnTime: n(r.on_time),
      forwarded: n(r.forwarded),
      leftWithoutAnswer: n(r.left_without_answer),
      extended: n(r.extended),
      inReview: n(r.in_review),
      answerDaysSum: n(r.days_sum),
      answerDaysCount: n(r.days_base),
      rated: n(r.rated),
      satisfied: n(r.satisfied),
      infoRequests: n(r.info_requests),
      mediaRequests: n(r.media_requests),
      corruptionReports: n(r.corruption_reports),
    }));
  },

  /** By ТОТК theme over a whole-months period, precomputed and live as `monthly`; the order of byTheme. */
  async monthlyByTheme(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<TopicCount[]> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`
      with s as (${staleIn(orgIds, p)})
      select code, sum(count) as count from (
        ${topicAggregates(sql`s`)}
        union all
        select t.org_id, t.month, t.code, t.count from appeal_topics_monthly t
        where t.month between ${p.from}::date and ${p.to}::date and ${orgColumn(sql`t.org_id`, orgIds)}
          and not exists (select 1 from s where s.org_id = t.org_id and s.month = t.month)
      ) x
      group by code
      order by sum(count) desc, code = '', code`,
    );
    return list.map((r) => ({ code: String(r.code), name: '', count: n(r.count) }));
  },

  /**
   * Recompute up to `limit` of the months listed as changed (the job appeals.figures.refresh);
   * returns how many, 0 when none is left or another process is at it.
   */
  async refreshMonths(db: DbOrTx, limit = 500): Promise<number> {
    return db.transaction(async (tx) => {
      const lock = await rows<{ ok: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(hashtext('appeal_figures_refresh')) as ok`,
      );
      if (!lock[0]?.ok) return 0;
      const pairs = await rows<{ org_id: string; month: string }>(
        tx,
        sql`select distinct org_id, month::text from appeal_figures_stale order by 1, 2 limit ${limit}`,
      );
      if (pairs.length === 0) return 0;
      // array literals (uuids and dates need no quoting): drizzle would spread a JS array into a list
      const arr = (xs: string[]) => `{${xs.join(',')}}`;
      const p = sql`(select * from unnest(${arr(pairs.map((x) => x.org_id))}::uuid[], ${arr(pairs.map((x) => x.month))}::date[]) as x(org_id, month))`;
      await tx.execute(
        sql`delete from appeal_figures_stale s using ${p} p where s.org_id = p.org_id and s.month = p.month`,
      );
      await tx.execute(
        sql`delete from appeal_figures_monthly m using ${p} p where m.org_id = p.org_id and m.month = p.month`,
      );
      await tx.execute(
        sql`delete from appeal_topics_monthly t using ${p} p where t.org_id = p.org_id and t.month = p.month`,
      );
      await tx.execute(
        sql`insert into appeal_figures_monthly (org_id, month, ${monthColumns}) ${monthAggregates(p)}`,
      );
      await tx.execute(
        sql`insert into appeal_topics_monthly (org_id, month, code, count) ${topicAggregates(p)}`,
      );
      return pairs.length;
    });
  },

  /** The years that have any appeal of these organisations, newest first (from the monthly figures). */
  async yearsMonthly(db: DbOrTx, orgIds: readonly string[] | 'all'): Promise<number[]> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`select distinct extract(year from month)::int as y from (
        select org_id, month from appeal_figures_monthly union all select org_id, month from appeal_figures_stale
      ) x where ${orgColumn(sql`org_id`, orgIds)} order by 1 desc`,
    );
    return list.map((r) => n(r.y));
  },

  /** The totals of each organisation with any appeal in the period (organisations without any are absent). */
  async totalsByOrg(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<Map<string, Totals>> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`
      select a.org_id,
        count(*) filter (where a.type = 'appeal') as received,
        count(*) filter (where a.type = 'appeal' and ${ANSWERED}) as answered,
        count(*) filter (where a.type = 'appeal' and ${ANSWERED} and a.answered_at is not null and ${ANSWER_DAY} <= a.due_date) as on_time,
        count(*) filter (where a.type = 'appeal' and a.status = 'forwarded') as forwarded,
        count(*) filter (where a.type = 'appeal' and a.status = 'left_without_answer') as left_without_answer,
        count(*) filter (where a.type = 'appeal' and a.extension_count > 0) as extended,
        count(*) filter (where a.type = 'appeal' and ${OPEN}) as in_review,
        coalesce(sum(${ANSWER_DAY} - a.registered_on) filter (where a.type = 'appeal' and ${ANSWERED} and a.answered_at is not null), 0) as days_sum,
        count(*) filter (where a.type = 'appeal' and ${ANSWERED} and a.answered_at is not null) as days_base,
        count(*) filter (where a.type = 'info_request') as info_requests,
        count(*) filter (where a.type = 'media_request') as media_requests,
        count(*) filter (where a.type = 'corruption_report') as corruption_reports
      from appeals a
      where a.registered_on between ${p.from}::date and ${p.to}::date and ${orgFilter(orgIds)}
      group by a.org_id`,
    );
    const ratings = await rows<Record<string, unknown>>(
      db,
      sql`
      select a.org_id, count(*) as rated, count(*) filter (where r.satisfied) as satisfied
      from appeal_ratings r join appeals a on a.id = r.appeal_id
      where a.type = 'appeal' and a.registered_on between ${p.from}::date and ${p.to}::date and ${orgFilter(orgIds)}
      group by a.org_id`,
    );
    const rated = new Map(ratings.map((r) => [String(r.org_id), r]));
    const out = new Map<string, Totals>();
    for (const r of list) {
      const rt = rated.get(String(r.org_id));
      out.set(String(r.org_id), {
        received: n(r.received),
        answered: n(r.answered),
        answeredOnTime: n(r.on_time),
        forwarded: n(r.forwarded),
        leftWithoutAnswer: n(r.left_without_answer),
        extended: n(r.extended),
        inReview: n(r.in_review),
        answerDaysSum: n(r.days_sum),
        answerDaysCount: n(r.days_base),
        rated: n(rt?.rated),
        satisfied: n(rt?.satisfied),
        infoRequests: n(r.info_requests),
        mediaRequests: n(r.media_requests),
        corruptionReports: n(r.corruption_reports),
      });
    }
    return out;
  },

  /** Appeals by ТОТК theme (section.theme) of their main question; code '' means not classified yet; names come from the classifier. */
  async byTheme(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<TopicCount[]> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`
      select left(a.topic_code, 9) as code, count(*) as count
      from appeals a
      where a.type = 'appeal' and a.registered_on between ${p.from}::date and ${p.to}::date and ${orgFilter(orgIds)}
      group by 1
      order by count(*) desc, 1 nulls last`,
    );
    return list.map((r) => ({
      code: r.code === null ? '' : String(r.code),
      name: '',
      count: n(r.count),
    }));
  },

  /** Appeals registered and (of those) answered, for every month of the period, zero months included. */
  async byMonth(db: DbOrTx, orgIds: readonly string[] | 'all', p: Period): Promise<MonthCount[]> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`
      select to_char(a.registered_on, 'YYYY-MM') as month, count(*) as received,
        count(*) filter (where ${ANSWERED}) as answered
      from appeals a
      where a.type = 'appeal' and a.registered_on between ${p.from}::date and ${p.to}::date and ${orgFilter(orgIds)}
      group by 1`,
    );
    const got = new Map(list.map((r) => [String(r.month), r]));
    return monthsOf(p).map((month) => ({
      month,
      received: n(got.get(month)?.received),
      answered: n(got.get(month)?.answered),
    }));
  },

  /** The years that have any appeal of these organisations, newest first. */
  async years(db: DbOrTx, orgIds: readonly string[] | 'all'): Promise<number[]> {
    const list = await rows<Record<string, unknown>>(
      db,
      sql`select distinct extract(year from a.registered_on)::int as y from appeals a where ${orgFilter(orgIds)} order by 1 desc`,
    );
    return list.map((r) => n(r.y));
  },

  /**
   * Complaints of obstructed public control (concept task 6.5) registered in
   * each of the years, about one body's officials or the region's: received,
   * the findings and the measures. One forwarded to a body on the portal is
   * counted once, as that body's registration.
   */
  async obstructionByYear(
    db: DbOrTx,
    years: readonly number[],
    complainedOrgId: string | null,
  ): Promise<Map<number, ObstructionCounts>> {
    if (years.length === 0) return new Map();
    const list = await rows<Record<string, unknown>>(
      db,
      sql`
      select a.year as y, count(*) as received,
        count(*) filter (where a.obstruction_finding = 'confirmed') as confirmed,
        count(*) filter (where a.obstruction_finding = 'not_confirmed') as not_confirmed,
        count(*) filter (where a.obstruction_finding = 'confirmed' and a.obstruction_measure = 'disciplinary') as disciplinary,
        count(*) filter (where a.obstruction_finding = 'confirmed' and a.obstruction_measure = 'other') as other,
        count(*) filter (where a.obstruction_finding = 'confirmed' and a.obstruction_measure = 'none') as none
      from appeals a
      where a.obstruction_kind is not null
        and a.year in (${sql.join(
          years.map((y) => sql`${y}::int`),
          sql`, `,
        )})
        and not (a.status = 'forwarded' and a.forwarded_to_org_id is not null)
        and ${complainedOrgId === null ? sql`true` : sql`a.complained_org_id = ${complainedOrgId}::uuid`}
      group by a.year`,
    );
    return new Map(
      list.map((r) => [
        n(r.y),
        {
          received: n(r.received),
          confirmed: n(r.confirmed),
          notConfirmed: n(r.not_confirmed),
          disciplinary: n(r.disciplinary),
          other: n(r.other),
          none: n(r.none),
        },
      ]),
    );
  },
};

/** The raw counts of one year's complaints of obstructed public control (never shown unsuppressed). */
export type ObstructionCounts = {
  received: number;
  confirmed: number;
  notConfirmed: number;
  disciplinary: number;
  other: number;
  none: number;
};
