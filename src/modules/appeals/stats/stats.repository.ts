import { sql } from 'drizzle-orm';
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

function orgFilter(orgIds: readonly string[] | 'all') {
  return orgIds === 'all'
    ? sql`true`
    : orgIds.length === 0
      ? sql`false`
      : sql`a.org_id in (${sql.join(
          orgIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
}

export const statsRepository = {
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
