import { addCalendarDays, type LocalDate, toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { copyRows } from '../../platform/db/copy.ts';
import {
  type GenerateContext,
  type GenerateReport,
  type Random,
  scaled,
} from '../../platform/generate/index.ts';
import { type SearchEntryInput, searchIndex } from '../../platform/search/index.ts';
import { escapeMarkup } from '../../platform/ui/escape.ts';
import { listGeneratedCitizens, listGeneratedStaff } from '../accounts/index.ts';
import { listAllOrganizations, markOrgSectionFilled, type OrgRow } from '../orgs/index.ts';
import {
  type BulkComment,
  type BulkDiscussion,
  type BulkParticipant,
  copyDiscussions,
} from '../participation/index.ts';
import { anchorId, DRAFT_DISCUSSION, endOfRegionDay, PROPOSAL_RULES } from './change-draft-stage.ts';
import type { ImpactDegree } from './drafts.input.ts';
import { loadPeriods, maximumDiscussionEnd, minimumDiscussionEnd } from './periods.ts';
import { blocksOfText, splitUnits, type TextUnit } from './text-units.ts';

/*
 * A region's rule-making for benchmarks (issue 11): 2,000 drafts (× scale)
 * over the bodies and five years, each at the stage its dates give on the last
 * day of the history (most decided with a published summary of proposals, some
 * in public discussion now), their texts split into units as an upload splits
 * them, 200,000 proposals and replies (× scale) on those units through the
 * discussion engine, the developer's positions, the bodies' legislative plans
 * and the drafts' search entries, all through COPY.
 */

const DAY = 86_400_000;

const SUBJECTS = [
  'порядка предоставления субсидий субъектам малого и среднего предпринимательства',
  'правил благоустройства территории',
  'порядка предоставления мер социальной поддержки многодетным семьям',
  'административного регламента предоставления государственной услуги',
  'государственной программы «Развитие здравоохранения»',
  'порядка организации транспортного обслуживания населения',
  'требований к раздельному накоплению твёрдых коммунальных отходов',
  'порядка проведения публичных слушаний',
  'положения о муниципальном жилищном контроле',
  'порядка компенсации расходов на оплату жилого помещения и коммунальных услуг',
  'стандарта качества государственной услуги в сфере образования',
  'порядка предоставления грантов социально ориентированным некоммерческим организациям',
  'порядка установления тарифов на перевозки пассажиров',
  'программы развития туризма на побережье',
];
const PREFIXES = ['Об утверждении', 'О внесении изменений в постановление об утверждении', 'Об изменении'];
const LAW_SUBJECTS = [
  'О поддержке добровольческой (волонтёрской) деятельности',
  'О мерах социальной поддержки отдельных категорий граждан',
  'О регулировании отдельных вопросов в сфере благоустройства',
  'О государственной поддержке инвестиционной деятельности',
  'Об охране зелёных насаждений',
  'О туристской деятельности',
  'О молодёжной политике',
];
const ARTICLES = [
  'Предмет регулирования',
  'Основные понятия',
  'Полномочия органов государственной власти',
  'Меры поддержки',
  'Порядок предоставления',
  'Права и обязанности участников',
  'Финансовое обеспечение',
  'Контроль за исполнением',
];
const CLAUSES = [
  'Уполномоченный орган рассматривает заявление в течение десяти рабочих дней со дня его регистрации.',
  'Субсидия предоставляется в пределах бюджетных ассигнований, предусмотренных на текущий финансовый год.',
  'Заявитель вправе подать документы в электронной форме через портал государственных услуг.',
  'Решение об отказе направляется заявителю с указанием причин отказа.',
  'Сведения о получателях поддержки размещаются на официальном сайте в сети Интернет.',
  'Контроль за соблюдением условий предоставления осуществляет орган государственного финансового контроля.',
  'Размер выплаты ежегодно индексируется с учётом уровня инфляции.',
  'Порядок взаимодействия органов власти устанавливается Правительством Калининградской области.',
  'Собственники зданий обязаны содержать прилегающую территорию в чистоте.',
  'Требования настоящего пункта не распространяются на объекты культурного наследия.',
];
const POINTS = [
  'информационной поддержки;',
  'консультационной поддержки;',
  'финансовой поддержки в виде субсидий из областного бюджета;',
  'имущественной поддержки;',
  'организации обучения и повышения квалификации;',
];
const PROPOSALS = [
  'Срок рассмотрения слишком длинный для заявителей из отдалённых посёлков.',
  'Формулировка допускает произвольное толкование, предлагаю уточнить.',
  'Нужно предусмотреть подачу документов на бумаге для тех, у кого нет интернета.',
  'Предлагаю установить открытый перечень оснований для отказа.',
  'Норма противоречит федеральному закону, просим проверить.',
  'Поддерживаю, но прошу добавить обязанность публиковать результаты.',
  'Размер поддержки не покрывает реальных расходов семей.',
  'Следует учесть мнение жителей при определении мест размещения.',
];
const WORDINGS = [
  'Уполномоченный орган рассматривает заявление в течение пяти рабочих дней со дня его регистрации.',
  'Заявитель вправе подать документы лично, почтой или в электронной форме.',
  'Решение об отказе направляется заявителю в течение трёх рабочих дней с указанием причин отказа и порядка его обжалования.',
  'Сведения о получателях поддержки и размерах поддержки размещаются на официальном сайте ежеквартально.',
  'Исключить.',
];
const REPLIES = [
  'Поддерживаю это предложение.',
  'Не согласен: срок установлен федеральным законом.',
  'У нас в посёлке та же проблема.',
  'Предлагаю дополнить: и на сайте муниципалитета.',
];
const OFFICIAL = [
  'Спасибо за предложение, оно будет рассмотрено при подготовке сводки.',
  'Разъясняем: норма соответствует федеральному законодательству.',
];
const JUSTIFICATIONS = [
  'Срок установлен федеральным законом и не может быть сокращён.',
  'Предложение учтено в части порядка подачи документов.',
  'Предложение выходит за предмет регулирования проекта.',
  'Дополнительные расходы не предусмотрены бюджетом на текущий год.',
];
const DEGREES: readonly ImpactDegree[] = ['high', 'medium', 'medium', 'low', 'low'];
const RESPONSIBLE = ['Петрова Анна Сергеевна', 'Смирнов Олег Викторович', 'Кузнецова Елена Игоревна'];

const DRAFT_COLUMNS = [
  'id',
  'org_id',
  'title',
  'summary',
  'act_type',
  'impact_degree',
  'stage',
  'notice_starts_on',
  'notice_ends_on',
  'discussion_starts_on',
  'discussion_ends_on',
  'expertise_starts_on',
  'expertise_ends_on',
  'summary_published_at',
  'outcome',
  'decided_on',
  'decision_note',
  'text_version',
  'created_at',
  'updated_at',
] as const;
const PLAN_COLUMNS = [
  'id',
  'org_id',
  'year',
  'horizon',
  'title',
  'problem',
  'affects',
  'act_type',
  'planned_from',
  'planned_to',
  'responsible_name',
  'state',
  'draft_id',
  'created_at',
  'updated_at',
] as const;

/** The act types a body drafts: the region's laws and the government's acts by the government, orders by ministries, decisions by municipalities. */
function actTypeOf(org: OrgRow, pick: <T>(a: readonly T[]) => T): string {
  if (org.level === 'government') return pick(['закон_области', 'постановление_правительства']);
  if (org.level === 'municipal') return pick(['постановление', 'решение']);
  return pick(['приказ', 'приказ', 'постановление']);
}

/** A draft's text in the shape of its act: articles with parts and points for a law, numbered points otherwise. */
function draftText(rnd: Random, law: boolean): string {
  const lines: string[] = [];
  if (law) {
    const articles = rnd.between(3, 7);
    for (let a = 1; a <= articles; a++) {
      lines.push(`Статья ${a}. ${ARTICLES[(a - 1) % ARTICLES.length]}`);
      const parts = rnd.between(1, 3);
      for (let p = 1; p <= parts; p++) {
        lines.push(`${p}. ${rnd.pick(CLAUSES)}`);
        if (rnd.chance(0.3))
          for (let k = 1; k <= rnd.between(2, 4); k++) lines.push(`${k}) ${rnd.pick(POINTS)}`);
      }
    }
  } else {
    const points = rnd.between(4, 12);
    for (let p = 1; p <= points; p++) {
      lines.push(`${p}. ${rnd.pick(CLAUSES)}`);
      if (rnd.chance(0.25))
        for (let k = 1; k <= rnd.between(2, 3); k++) lines.push(`${k}) ${rnd.pick(POINTS)}`);
    }
  }
  return lines.join('\n');
}

const htmlOf = (units: TextUnit[]) => units.map((u) => `<p>${escapeMarkup(u.text)}</p>`).join('');
const max = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const dayStart = (d: LocalDate) => new Date(`${d}T09:00:00+02:00`);

/** `npm run generate`: the drafts module's share of a region (see the comment on top). */
export async function generateDrafts(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('drafts');
  const orgs = await listAllOrganizations(db);
  const citizens = await listGeneratedCitizens(db);
  if (orgs.length === 0 || citizens.length === 0) return { drafts: 0, comments: 0 };
  const officerOf = new Map(
    (await listGeneratedStaff(db))
      .filter((s) => s.role === 'appeals_officer')
      .map((s) => [s.orgId, s.userId]),
  );
  const [{ calendar }, periods] = await Promise.all([loadCalendar(db), loadPeriods(db)]);
  const total = scaled(ctx, 2_000, 4);
  // drafts whose discussion runs on the history's last day, however small the scale
  const live = scaled(ctx, 40, 1);
  const commentTotal = scaled(ctx, 200_000, 20);
  const until = ctx.until.getTime();
  const today = toLocalDate(ctx.until);

  type Draft = {
    id: string;
    org: OrgRow;
    row: unknown[];
    discussion: {
      opensAt: Date;
      closesAt: Date;
      last: Date;
      anchors: { id: string; label: string }[];
    } | null;
    /** every proposal gets the developer's position (the summary is out or being written) */
    positions: 'all' | 'some' | 'none';
    decidedBy: string | null;
    positionsBy: Date;
  };
  const drafts: Draft[] = [];
  const versions: unknown[][] = [];
  const units: unknown[][] = [];
  const plan: unknown[][] = [];
  const entries: SearchEntryInput[] = [];
  const counts = { notice: 0, discussion: 0, expertise: 0, summary: 0, decision: 0, adopted: 0 };

  for (let i = 0; i < total; i++) {
    const org = rnd.pick(orgs);
    const id = rnd.uuid();
    const actType = actTypeOf(org, (a) => rnd.pick(a));
    const law = actType === 'закон_области';
    const title = law
      ? `${rnd.pick(LAW_SUBJECTS)} в Калининградской области`
      : `${rnd.pick(PREFIXES)} ${rnd.pick(SUBJECTS)}`;
    const summary = `Проект меняет ${rnd.pick(SUBJECTS)}: ${rnd.pick(CLAUSES).toLowerCase()}`;
    const degree = rnd.pick(DEGREES);
    // the live ones opened their discussion a few days before the history's end
    const createdDaysAgo = i < live ? periods.noticeDays + rnd.between(2, 12) : rnd.between(0, 5 * 365 - 1);
    const createdAt = new Date(until - createdDaysAgo * DAY - rnd.int(8 * 3600_000));
    const noticeStart = toLocalDate(createdAt);
    const noticeEnd = addCalendarDays(noticeStart, periods.noticeDays);
    const discStart = addCalendarDays(noticeEnd, i < live ? 1 : rnd.between(1, 20));
    const minEnd = minimumDiscussionEnd(calendar, periods, degree, discStart);
    const maxEnd = maximumDiscussionEnd(periods, discStart);
    let discEnd = addCalendarDays(minEnd, rnd.between(0, 10));
    if (discEnd > maxEnd) discEnd = maxEnd;
    if (i < live && discEnd < today) discEnd = minEnd > today ? minEnd : maxEnd;
    const expStart = addCalendarDays(discEnd, 1);
    const expEnd = addCalendarDays(expStart, periods.expertiseDays);
    const summaryOn = addCalendarDays(expEnd, rnd.between(3, 30));
    const decidedOn = addCalendarDays(summaryOn, rnd.between(5, 60));
    const withdrawn = i >= live && rnd.chance(0.05);

    // the stage the dates give on the history's last day (the job moves stages on as they end)
    let stage: keyof typeof counts = 'notice';
    if (today >= discStart) stage = 'discussion';
    if (today > discEnd) stage = 'expertise';
    if (today > expEnd) stage = 'summary';
    if (today >= summaryOn) stage = 'decision';
    let outcome: string | null = null;
    let decided: LocalDate | null = null;
    if (withdrawn && stage !== 'notice') {
      // withdrawn during its discussion: no later stage
      outcome = 'withdrawn';
      decided = addCalendarDays(discStart, rnd.between(1, 10));
      if (decided > today) decided = today;
      stage = 'decision';
    } else if (stage === 'decision' && today >= decidedOn) {
      outcome = rnd.chance(0.85) ? 'adopted' : 'returned';
      decided = decidedOn;
    }
    const reachedDiscussion = today >= discStart;
    const discussed = reachedDiscussion && outcome !== 'withdrawn';
    const fullRun = discussed && today >= summaryOn;
    counts[stage]++;
    if (outcome === 'adopted') counts.adopted++;

    // the text: most notices already carry it; a second version after the summary for a third of the decided
    const hasText = reachedDiscussion || rnd.chance(0.7);
    const v1 = hasText ? splitUnits(blocksOfText(draftText(rnd, law))) : [];
    let textVersion = 0;
    if (hasText) {
      textVersion = 1;
      versions.push([id, 1, htmlOf(v1), null, createdAt]);
      for (const u of v1) units.push([id, 1, u.key, u.kind, u.label, u.parentKey, u.position, u.text]);
    }
    if (fullRun && rnd.chance(0.35)) {
      const changed = v1.map((u) =>
        u.kind === 'part' || u.kind === 'point'
          ? { ...u, text: rnd.chance(0.3) ? `${u.text.split(' ')[0]} ${rnd.pick(WORDINGS)}` : u.text }
          : u,
      );
      const at = dayStart(addCalendarDays(expEnd, 1));
      textVersion = 2;
      versions.push([id, 2, htmlOf(changed), 'Редакция с учётом предложений публичного обсуждения', at]);
      for (const u of changed) units.push([id, 2, u.key, u.kind, u.label, u.parentKey, u.position, u.text]);
    }

    const summaryPublishedAt = fullRun ? dayStart(summaryOn) : null;
    const lastDay =
      decided ?? (fullRun ? summaryOn : stage === 'notice' ? noticeStart : max(discStart, noticeStart));
    const updatedAt = new Date(Math.min(until, Math.max(createdAt.getTime(), dayStart(lastDay).getTime())));
    drafts.push({
      id,
      org,
      row: [
        id,
        org.id,
        title,
        summary,
        actType,
        degree,
        stage,
        noticeStart,
        noticeEnd,
        reachedDiscussion ? discStart : null,
        reachedDiscussion ? discEnd : null,
        discussed && stage !== 'discussion' ? expStart : null,
        discussed && stage !== 'discussion' ? expEnd : null,
        summaryPublishedAt,
        outcome,
        decided,
        outcome === 'returned' ? 'Проект возвращён разработчику на доработку.' : null,
        textVersion,
        createdAt,
        updatedAt,
      ],
      discussion: reachedDiscussion
        ? {
            opensAt: dayStart(discStart),
            closesAt:
              outcome === 'withdrawn' ? endOfRegionDay(decided as LocalDate) : endOfRegionDay(discEnd),
            last: new Date(
              Math.min(
                until,
                (outcome === 'withdrawn'
                  ? endOfRegionDay(decided as LocalDate)
                  : endOfRegionDay(discEnd)
                ).getTime(),
              ),
            ),
            anchors: v1.map((u) => ({ id: anchorId(1, u.key), label: u.label })),
          }
        : null,
      positions: fullRun ? 'all' : discussed && stage === 'summary' ? 'some' : 'none',
      decidedBy: officerOf.get(org.id) ?? null,
      positionsBy: dayStart(fullRun ? summaryOn : today),
    });
    entries.push({
      id: `draft_regulation:${id}`,
      module: 'drafts',
      type: 'draft_regulation',
      orgId: org.id,
      title: `Проект: ${title}`,
      body: summary,
      url: `/drafts/${id}`,
      publishedAt: createdAt,
      updatedAt,
    });
    // seven in ten answer to an item of the body's legislative plan for their year
    if (rnd.chance(0.7)) {
      const year = Number(noticeStart.slice(0, 4));
      const state =
        outcome === 'adopted'
          ? 'adopted'
          : outcome === 'withdrawn'
            ? 'cancelled'
            : reachedDiscussion
              ? 'discussion'
              : 'in_progress';
      plan.push([
        rnd.uuid(),
        org.id,
        year,
        'annual',
        title,
        rnd.pick(PROPOSALS),
        'Жители области, организации, органы местного самоуправления.',
        actType,
        `${year}-01-15`,
        `${year}-12-31`,
        rnd.pick(RESPONSIBLE),
        state,
        id,
        new Date(`${year}-01-15T09:00:00+02:00`),
        updatedAt,
      ]);
    }
  }
  // planned acts with no draft yet, postponed and cancelled ones: three for every ten drafts
  const years = new Set(drafts.map((d) => Number((d.row[7] as string).slice(0, 4))));
  for (let i = 0; i < Math.ceil(total * 0.3); i++) {
    const org = rnd.pick(orgs);
    const year = rnd.pick([...years]);
    const current = year >= Number(today.slice(0, 4));
    plan.push([
      rnd.uuid(),
      org.id,
      year,
      'annual',
      `${rnd.pick(PREFIXES)} ${rnd.pick(SUBJECTS)}`,
      rnd.pick(PROPOSALS),
      'Жители области и организации отрасли.',
      actTypeOf(org, (a) => rnd.pick(a)),
      `${year}-03-01`,
      `${year}-12-31`,
      rnd.pick(RESPONSIBLE),
      current ? rnd.pick(['planned', 'planned', 'postponed']) : rnd.pick(['postponed', 'cancelled']),
      null,
      new Date(`${year}-01-15T09:00:00+02:00`),
      new Date(`${year}-01-15T09:00:00+02:00`),
    ]);
  }

  // the proposals: a heavy tail over the discussed drafts (most get a few, some hundreds)
  const discussed = drafts.filter((d) => d.discussion);
  const weights = discussed.map((d) => {
    const w = -Math.log(1 - rnd.next());
    const disc = d.discussion as NonNullable<Draft['discussion']>;
    // a discussion still running has had only part of its time
    const share = Math.min(
      1,
      (disc.last.getTime() - disc.opensAt.getTime()) /
        Math.max(DAY, disc.closesAt.getTime() - disc.opensAt.getTime()),
    );
    return w * Math.max(0.1, share);
  });
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const discussionRows: BulkDiscussion[] = [];
  const participants: BulkParticipant[] = [];
  const comments: BulkComment[] = [];
  const positions: unknown[][] = [];
  discussed.forEach((d, k) => {
    const disc = d.discussion as NonNullable<Draft['discussion']>;
    const discussionId = rnd.uuid();
    const numbers = new Map<string, number>();
    const join = (userId: string, at: Date) => {
      let n = numbers.get(userId);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(userId, n);
        participants.push({ discussionId, userId, number: n, joinedAt: at });
      }
      return n;
    };
    const n = Math.round((commentTotal * (weights[k] as number)) / weightSum);
    const span = Math.max(1, disc.last.getTime() - disc.opensAt.getTime());
    const open = disc.last.getTime() < disc.closesAt.getTime();
    const times = Array.from({ length: n }, () => disc.opensAt.getTime() + rnd.int(span)).sort(
      (a, b) => a - b,
    );
    const tops: string[] = [];
    for (const time of times) {
      const at = new Date(time);
      const id = rnd.uuid();
      const officer = d.decidedBy;
      const reply = tops.length > 0 && rnd.chance(0.15);
      const official = reply && officer !== null && rnd.chance(0.3);
      const author = official ? (officer as string) : (rnd.pick(citizens).id as string);
      const number = join(author, at);
      const roll = rnd.next();
      const status = official
        ? 'published'
        : roll < 0.04
          ? 'hidden'
          : open && roll < 0.06
            ? 'pending'
            : 'published';
      const anchor = !reply && disc.anchors.length > 0 && rnd.chance(0.8) ? rnd.pick(disc.anchors).id : null;
      comments.push({
        id,
        discussionId,
        parentId: reply ? rnd.pick(tops) : null,
        authorUserId: author,
        authorNumber: number,
        anchorId: anchor,
        text: reply ? rnd.pick(official ? OFFICIAL : REPLIES) : rnd.pick(PROPOSALS),
        wording: anchor && rnd.chance(0.7) ? rnd.pick(WORDINGS) : null,
        status,
        official,
        hiddenReason: status === 'hidden' ? 'Нарушение правил обсуждения' : null,
        createdAt: at,
      });
      if (reply) continue;
      tops.push(id);
      // the developer's position on each proposal (the summary cannot be published without them)
      if (status === 'published' && (d.positions === 'all' || (d.positions === 'some' && rnd.chance(0.5)))) {
        const r = rnd.next();
        const position = r < 0.3 ? 'accepted' : r < 0.5 ? 'partly' : 'rejected';
        positions.push([
          d.id,
          id,
          position,
          position === 'accepted' ? null : rnd.pick(JUSTIFICATIONS),
          d.decidedBy,
          d.positionsBy,
        ]);
      }
    }
    discussionRows.push({
      id: discussionId,
      objectType: DRAFT_DISCUSSION,
      objectId: d.id,
      orgId: d.org.id,
      title: d.row[2] as string,
      ownerUrl: `/drafts/${d.id}`,
      rules: PROPOSAL_RULES,
      opensAt: disc.opensAt,
      closesAt: disc.closesAt,
      anchors: disc.anchors,
      wordingField: true,
      participantCount: numbers.size,
      createdAt: disc.opensAt,
    });
  });

  await copyRows(db, 'draft_regulations', DRAFT_COLUMNS, drafts.map((d) => d.row) as never);
  await copyRows(
    db,
    'draft_versions',
    ['draft_id', 'version', 'html', 'note', 'created_at'],
    versions as never,
  );
  await copyRows(
    db,
    'draft_units',
    ['draft_id', 'version', 'key', 'kind', 'label', 'parent_key', 'position', 'text'],
    units as never,
  );
  await copyRows(db, 'legislative_plan_items', PLAN_COLUMNS, plan as never);
  const written = await copyDiscussions(db, { discussions: discussionRows, participants, comments });
  await copyRows(
    db,
    'draft_proposal_positions',
    ['draft_id', 'comment_id', 'position', 'justification', 'decided_by', 'decided_at'],
    positions as never,
  );
  await searchIndex.copy(db, entries);
  const now = ctx.deps.clock.now();
  for (const orgId of new Set(drafts.map((d) => d.org.id)))
    await markOrgSectionFilled(db, orgId, 'regulation', now);
  ctx.progress(`drafts: ${drafts.length} with ${written.comments} comments`);
  return {
    drafts: drafts.length,
    ...counts,
    versions: versions.length,
    units: units.length,
    planItems: plan.length,
    discussions: written.discussions,
    comments: written.comments,
    positions: positions.length,
  };
}
