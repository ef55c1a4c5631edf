import { sql } from 'drizzle-orm';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { withIndexesDropped } from '../../platform/db/bulk.ts';
import { type CopyValue, copyRows } from '../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../platform/generate/index.ts';
import { listGeneratedCitizens, listGeneratedStaff } from '../accounts/index.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import type { AppealType } from './appeals.model.ts';
import { computeDeadlines, type Deadlines, loadDeadlineSettings } from './appeals.settings.ts';
import { refreshAppealFigures } from './stats/refresh-figures.ts';
import { shippedTotk } from './totk.ts';

/*
 * A region's appeals for benchmarks: 1,000,000 over five years (× scale) with
 * their events, answers and ratings, numbered per body and year as intake
 * numbers them, with deadlines from the production calendar. One body
 * (HEAVY_BODY) also has 50,000 open appeals (× scale) from the last four
 * months: the staff queue scenario. Authors are the generated citizens.
 */

/** The body whose queue holds the open appeals of the staff-queue scenario. */
export const HEAVY_BODY = 'minsoc';

const TEXTS = [
  'Прошу принять меры по ремонту дороги на улице Садовой: ямы не заделываются третий год.',
  'Прошу разъяснить порядок получения компенсации за оплату жилищно-коммунальных услуг.',
  'Во дворе дома не вывозится мусор уже две недели, прошу принять меры.',
  'Прошу установить пандус у входа в поликлинику, маломобильным гражданам невозможно попасть к врачу.',
  'Прошу сообщить сроки капитального ремонта многоквартирного дома.',
  'Предлагаю организовать дополнительный автобусный рейс в утренние часы.',
  'Прошу проверить законность начисления платы за отопление.',
  'Прошу предоставить место в детском саду по месту жительства.',
  'Жалуюсь на бездействие управляющей компании по вопросу протечки кровли.',
  'Прошу рассмотреть возможность благоустройства сквера у школы.',
];
const ANSWERS = [
  'Ваше обращение рассмотрено. Работы включены в план на текущий год.',
  'Разъясняем, что порядок предоставления компенсации установлен постановлением Правительства области.',
  'По вашему обращению проведена проверка, нарушения устранены.',
  'Сообщаем, что вопрос будет рассмотрен при формировании бюджета на следующий год.',
];
const CHUNK = 50_000;
const DAY = 86_400_000;

const APPEAL_COLUMNS = [
  'id',
  'number',
  'org_id',
  'year',
  'sequence',
  'type',
  'kind',
  'author_user_id',
  'last_name',
  'first_name',
  'email',
  'author_identification',
  'author_identity_level',
  'text',
  'status',
  'received_at',
  'registered_at',
  'registered_on',
  'due_date',
  'due_provisional',
  'forward_due_date',
  'original_due_date',
  'notice_due_date',
  'calendar_version',
  'assigned_user_id',
  'assigned_at',
  'topic_code',
  'answered_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const;
const EVENT_COLUMNS = [
  'appeal_id',
  'at',
  'kind',
  'actor_user_id',
  'actor_role',
  'from_status',
  'to_status',
  'visible_to_author',
  'details',
] as const;
const ANSWER_COLUMNS = [
  'id',
  'appeal_id',
  'text',
  'status',
  'drafted_by',
  'signed_by_user_id',
  'signed_role',
  'signed_name',
  'signed_position',
  'signed_at',
  'sent_at',
  'created_at',
  'updated_at',
] as const;

export async function generateAppeals(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('appeals');
  const total = scaled(ctx, 1_000_000, 100);
  const heavyOpen = scaled(ctx, 50_000, 10);
  const orgs = await listAllOrganizations(db);
  const heavy = orgs.find((o) => o.slug === HEAVY_BODY) ?? (orgs[0] as (typeof orgs)[number]);
  const citizens = await listGeneratedCitizens(db);
  if (citizens.length === 0) throw new Error('no generated citizens: the accounts generator runs first');
  const staff = await listGeneratedStaff(db);
  const officerOf = new Map(
    staff.filter((s) => s.role === 'appeals_officer').map((s) => [s.orgId, s.userId]),
  );
  const headOf = new Map(staff.filter((s) => s.role === 'head').map((s) => [s.orgId, s.userId]));
  const settings = await loadDeadlineSettings(db);
  const { calendar, version: calendarVersion } = await loadCalendar(db);
  const deadlineCache = new Map<string, Deadlines>();
  const deadlines = (day: string, type: AppealType) => {
    const key = `${day}:${type}`;
    let d = deadlineCache.get(key);
    if (!d) {
      d = computeDeadlines(calendar, day, type, settings);
      deadlineCache.set(key, d);
    }
    return d;
  };
  const questions = shippedTotk()
    .nodes.filter((n) => n.level >= 4)
    .map((n) => n.code);
  const counters = new Map<string, number>();
  const until = ctx.until.getTime();
  const start = until - 5 * 365 * DAY;
  const heavyStart = until - 120 * DAY;

  // two arrival streams merged in time: the region's appeals over five years and the heavy body's recent backlog
  const base = total - heavyOpen;
  const baseStep = (until - start) / base;
  const heavyStep = (until - heavyStart) / heavyOpen;
  let bi = 0;
  let hi = 0;
  const counts = { appeals: 0, events: 0, answers: 0, ratings: 0, open: 0 };

  function next(): { at: Date; backlog: boolean } | null {
    const tb = bi < base ? start + bi * baseStep : Number.POSITIVE_INFINITY;
    const th = hi < heavyOpen ? heavyStart + hi * heavyStep : Number.POSITIVE_INFINITY;
    if (tb === Number.POSITIVE_INFINITY && th === Number.POSITIVE_INFINITY) return null;
    if (tb <= th) {
      bi++;
      return { at: new Date(Math.floor(tb)), backlog: false };
    }
    hi++;
    return { at: new Date(Math.floor(th)), backlog: true };
  }

  async function chunk(): Promise<boolean> {
    const appeals: CopyValue[][] = [];
    const events: CopyValue[][] = [];
    const answers: CopyValue[][] = [];
    const ratings: CopyValue[][] = [];
    for (let k = 0; k < CHUNK; k++) {
      const n = next();
      if (!n) break;
      const org = n.backlog ? heavy : rnd.next() < 0.1 ? heavy : rnd.pick(orgs);
      const author = rnd.pick(citizens);
      const type: AppealType = rnd.chance(0.12) ? 'info_request' : 'appeal';
      const day = toLocalDate(n.at);
      const year = Number(day.slice(0, 4));
      const ckey = `${org.id}:${year}`;
      const sequence = (counters.get(ckey) ?? 0) + 1;
      counters.set(ckey, sequence);
      const due = deadlines(day, type);
      const id = rnd.uuid();
      const officer = officerOf.get(org.id) ?? null;
      const head = headOf.get(org.id) ?? null;
      // open: the backlog, and whatever arrived in the last three weeks; everything older has its outcome
      const open = n.backlog || until - n.at.getTime() < 21 * DAY;
      const assignedAt =
        open && rnd.chance(0.5) ? null : new Date(n.at.getTime() + rnd.between(1, 48) * 3_600_000);
      let status: string;
      let answeredAt: Date | null = null;
      let closedAt: Date | null = null;
      if (open) {
        status = assignedAt ? 'in_review' : 'registered';
        counts.open++;
      } else {
        const r = rnd.next();
        status = r < 0.9 ? 'sent' : r < 0.96 ? 'forwarded' : 'left_without_answer';
        const days = rnd.between(5, 32);
        const end = new Date(Math.min(n.at.getTime() + days * DAY, until - DAY));
        if (status === 'sent') answeredAt = end;
        closedAt = end;
      }
      const topic = open && rnd.chance(0.5) ? null : rnd.pick(questions);
      appeals.push([
        id,
        `${org.code}-${year}-${sequence}`,
        org.id,
        year,
        sequence,
        type,
        type === 'appeal' ? rnd.pick(['proposal', 'statement', 'statement', 'complaint']) : null,
        author.id,
        author.lastName,
        author.firstName,
        author.email,
        'esia',
        'verified',
        rnd.pick(TEXTS),
        status,
        n.at,
        n.at,
        day,
        due.dueDate,
        due.provisional,
        due.forwardDueDate,
        due.originalDueDate,
        due.noticeDueDate,
        calendarVersion,
        assignedAt ? officer : null,
        assignedAt,
        topic,
        answeredAt,
        closedAt,
        n.at,
        closedAt ?? assignedAt ?? n.at,
      ]);
      events.push([
        id,
        n.at,
        'registered',
        author.id,
        null,
        null,
        'registered',
        true,
        { dueDate: due.dueDate },
      ]);
      if (assignedAt)
        events.push([id, assignedAt, 'assigned', head, 'head', 'registered', 'in_review', false, {}]);
      if (answeredAt) {
        const answerId = rnd.uuid();
        answers.push([
          answerId,
          id,
          rnd.pick(ANSWERS),
          'sent',
          officer,
          head,
          'head',
          'Руководитель',
          'Руководитель органа',
          answeredAt,
          answeredAt,
          answeredAt,
          answeredAt,
        ]);
        const late = toLocalDate(answeredAt) > due.dueDate;
        events.push([
          id,
          answeredAt,
          'answer_signed',
          head,
          'head',
          'in_review',
          'answer_signed',
          false,
          { answerId },
        ]);
        events.push([
          id,
          answeredAt,
          'answered',
          head,
          'head',
          'answer_signed',
          'sent',
          true,
          { answerId, late },
        ]);
        if (rnd.chance(0.1)) {
          ratings.push([rnd.uuid(), id, answerId, author.id, rnd.chance(0.7), answeredAt]);
        }
      } else if (closedAt) {
        const kind = status === 'forwarded' ? 'forwarded' : 'left_without_answer';
        events.push([id, closedAt, kind, officer, 'appeals_officer', 'in_review', status, true, {}]);
      }
    }
    if (appeals.length === 0) return false;
    await copyRows(db, 'appeals', APPEAL_COLUMNS, appeals);
    await copyRows(db, 'appeal_events', EVENT_COLUMNS, events);
    await copyRows(db, 'appeal_answers', ANSWER_COLUMNS, answers);
    await copyRows(
      db,
      'appeal_ratings',
      ['id', 'appeal_id', 'answer_id', 'user_id', 'satisfied', 'created_at'],
      ratings,
    );
    counts.appeals += appeals.length;
    counts.events += events.length;
    counts.answers += answers.length;
    counts.ratings += ratings.length;
    ctx.progress(`appeals: ${counts.appeals}/${total}`);
    return true;
  }

  await withIndexesDropped(db, ['appeals', 'appeal_events', 'appeal_answers', 'appeal_ratings'], async () => {
    while (await chunk()) {
      // one chunk at a time, so memory stays flat
    }
  });
  // the numbering goes on from the generated history, as intake would have left it
  await db.execute(sql`
    insert into appeal_counters (org_id, year, last_sequence)
    select org_id, year, max(sequence) from appeals group by org_id, year
    on conflict (org_id, year) do update set last_sequence = greatest(appeal_counters.last_sequence, excluded.last_sequence)`);
  // the monthly figures of what was just written, as the job would compute them within a minute
  await refreshAppealFigures(ctx.deps);
  return { ...counts, heavyBodyOpen: heavyOpen };
}
