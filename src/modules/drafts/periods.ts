import { z } from 'zod';
import {
  addCalendarDays,
  daysBetween,
  type LocalDate,
  type ProductionCalendar,
  toLocalDate,
} from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { readSetting } from '../../platform/db/settings.ts';
import defaults from './data/periods.json' with { type: 'json' };
import type { DraftStage, ImpactDegree } from './drafts.input.ts';
import type { DraftRow } from './drafts.repository.ts';

/**
 * The terms of the stages: the notice of intent (calendar days), the minimum
 * discussion by the regulatory impact degree (working days of the production
 * calendar), its maximum and the expertise (calendar days). Defaults from
 * data/periods.json; a region sets its own in the setting `drafts.periods`.
 */
export const periodsSchema = z.object({
  noticeDays: z.number().int().min(0).max(90),
  discussionWorkingDays: z.object({
    high: z.number().int().min(1).max(90),
    medium: z.number().int().min(1).max(90),
    low: z.number().int().min(1).max(90),
  }),
  maxDiscussionDays: z.number().int().min(1).max(365),
  expertiseDays: z.number().int().min(1).max(90),
});
export type Periods = z.infer<typeof periodsSchema>;
export const PERIODS_SETTING = 'drafts.periods';
export const defaultPeriods: Periods = periodsSchema.parse(defaults);

/** The region's terms: the setting when it is valid, else the shipped defaults. */
export async function loadPeriods(db: DbOrTx): Promise<Periods> {
  const parsed = periodsSchema.safeParse(await readSetting(db, PERIODS_SETTING));
  return parsed.success ? parsed.data : defaultPeriods;
}

/** The earliest last day of a discussion opened on `start`: the minimum period in working days. */
export function minimumDiscussionEnd(
  cal: ProductionCalendar,
  periods: Periods,
  degree: ImpactDegree,
  start: LocalDate,
): LocalDate {
  return cal.addWorkingDays(start, periods.discussionWorkingDays[degree]);
}

export function maximumDiscussionEnd(periods: Periods, start: LocalDate): LocalDate {
  return addCalendarDays(start, periods.maxDiscussionDays);
}

export type StageState = 'done' | 'open' | 'upcoming' | 'skipped';
export type StageView = {
  stage: DraftStage;
  state: StageState;
  startsOn: LocalDate | null;
  endsOn: LocalDate | null;
  /** calendar days left while the stage is open and has an end (today included); 0 once its term is over */
  daysLeft: number | null;
};

const order: DraftStage[] = ['notice', 'discussion', 'expertise', 'summary', 'decision'];

/** Each stage of a draft with its dates and whether it is done, open or to come, as of `today`. */
export function stagesOf(d: DraftRow, today: LocalDate): StageView[] {
  const current = order.indexOf(d.stage as DraftStage);
  const dates: Record<DraftStage, [string | null, string | null]> = {
    notice: [d.noticeStartsOn, d.noticeEndsOn],
    discussion: [d.discussionStartsOn, d.discussionEndsOn],
    expertise: [d.expertiseStartsOn, d.expertiseEndsOn],
    summary: [d.expertiseEndsOn, d.summaryPublishedAt ? toLocalDate(d.summaryPublishedAt) : null],
    decision: [d.summaryPublishedAt ? toLocalDate(d.summaryPublishedAt) : null, d.decidedOn],
  };
  return order.map((stage, i) => {
    const [startsOn, endsOn] = dates[stage];
    let state: StageState = i < current ? 'done' : i === current ? 'open' : 'upcoming';
    if (d.outcome && stage === 'decision') state = 'done';
    if (d.outcome === 'withdrawn' && i > current) state = 'skipped';
    const daysLeft =
      state === 'open' && endsOn && stage !== 'decision' ? Math.max(0, daysBetween(today, endsOn) + 1) : null;
    return { stage, state, startsOn, endsOn, daysLeft };
  });
}

/** Comments are taken while the discussion is open: its stage, up to and including its last day. */
export function discussionOpen(d: DraftRow, today: LocalDate): boolean {
  return d.stage === 'discussion' && !d.outcome && d.discussionEndsOn !== null && today <= d.discussionEndsOn;
}
