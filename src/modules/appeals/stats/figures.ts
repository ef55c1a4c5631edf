import {
  type Cell,
  type Measure,
  suppressAverage,
  suppressBreakdown,
  suppressCount,
  suppressShare,
} from './suppress.ts';

/*
 * The figures of work with appeals over a period (tasks 4.2, 4.3, 4.5): what
 * the repository counts (RawFigures, never shown as they are) and what public
 * pages, the DOCX review and the API show (PublicFigures, every cell
 * suppressed under 3).
 *
 * What counts: citizens' appeals under 59-ФЗ registered in the period.
 * Information requests (8-ФЗ) are counted apart, as one total. Corruption
 * reports (task 7.4) appear only as one total for the whole period, suppressed
 * like any count, and never by month, topic, status, official or person: the
 * total shows the hotline is used, anything finer could point to the reporter.
 */

/** A period of registration dates, both ends inclusive, as local dates (Europe/Kaliningrad). */
export type Period = { from: string; to: string };

export type TopicCount = { code: string; name: string; count: number };
export type MonthCount = { month: string; received: number; answered: number };

export type RawFigures = {
  /** appeals registered in the period */
  received: number;
  /** of those, answered (the answer sent) */
  answered: number;
  /** of the answered, by the deadline in force (an extension counts) */
  answeredOnTime: number;
  /** forwarded to the competent body */
  forwarded: number;
  /** left without answer (59-ФЗ art. 11) */
  leftWithoutAnswer: number;
  /** extended at least once */
  extended: number;
  /** still being considered */
  inReview: number;
  /** calendar days from registration to the answer, summed over the answered with a known answer day */
  answerDaysSum: number;
  /** how many answers that sum covers */
  answerDaysCount: number;
  /** citizens' ratings of the answers (task 4.5) */
  rated: number;
  satisfied: number;
  byTopic: TopicCount[];
  byMonth: MonthCount[];
  /** information requests (8-ФЗ) registered in the period */
  infoRequests: number;
  /** editorial requests under the law on mass media (ст. 39–40) registered in the period */
  mediaRequests: number;
  /** corruption reports registered in the period: one total, nothing finer */
  corruptionReports: number;
};

export type PublicFigures = {
  received: Cell;
  answered: Cell;
  answeredOnTime: Cell;
  forwarded: Cell;
  leftWithoutAnswer: Cell;
  extended: Cell;
  inReview: Cell;
  /** share of the answered given by the deadline, % */
  onTimeShare: Measure;
  averageDaysToAnswer: Measure;
  rated: Cell;
  satisfied: Cell;
  /** share of ratings that were «satisfied», % */
  satisfiedShare: Measure;
  byTopic: { code: string; name: string; count: Cell }[];
  byMonth: { month: string; received: Cell; answered: Cell }[];
  infoRequests: Cell;
  mediaRequests: Cell;
  corruptionReports: Cell;
};

export function emptyRawFigures(): RawFigures {
  return {
    received: 0,
    answered: 0,
    answeredOnTime: 0,
    forwarded: 0,
    leftWithoutAnswer: 0,
    extended: 0,
    inReview: 0,
    answerDaysSum: 0,
    answerDaysCount: 0,
    rated: 0,
    satisfied: 0,
    byTopic: [],
    byMonth: [],
    infoRequests: 0,
    mediaRequests: 0,
    corruptionReports: 0,
  };
}

/** The only way figures leave the server: every count under 3 suppressed, with complementary suppression in breakdowns. */
export function publishFigures(raw: RawFigures): PublicFigures {
  const topicCells = suppressBreakdown(raw.byTopic.map((t) => t.count));
  const monthReceived = suppressBreakdown(raw.byMonth.map((m) => m.received));
  const monthAnswered = suppressBreakdown(raw.byMonth.map((m) => m.answered));
  // Outcomes and ratings say how the body works, not who wrote: primary suppression is enough there.
  // Topics and months could single a person out when combined, so a lone hidden cell gets a masked neighbour.
  return {
    received: suppressCount(raw.received),
    answered: suppressCount(raw.answered),
    answeredOnTime: suppressCount(raw.answeredOnTime),
    forwarded: suppressCount(raw.forwarded),
    leftWithoutAnswer: suppressCount(raw.leftWithoutAnswer),
    extended: suppressCount(raw.extended),
    inReview: suppressCount(raw.inReview),
    onTimeShare: suppressShare(raw.answeredOnTime, raw.answered),
    averageDaysToAnswer: suppressAverage(raw.answerDaysSum, raw.answerDaysCount),
    rated: suppressCount(raw.rated),
    satisfied: suppressCount(raw.satisfied),
    satisfiedShare: suppressShare(raw.satisfied, raw.rated),
    byTopic: raw.byTopic.map((t, i) => ({ code: t.code, name: t.name, count: topicCells[i] as Cell })),
    byMonth: raw.byMonth.map((m, i) => ({
      month: m.month,
      received: monthReceived[i] as Cell,
      answered: monthAnswered[i] as Cell,
    })),
    infoRequests: suppressCount(raw.infoRequests),
    mediaRequests: suppressCount(raw.mediaRequests),
    corruptionReports: suppressCount(raw.corruptionReports),
  };
}

/** The months of a period as YYYY-MM, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** A calendar quarter as a period of local dates. */
export type Quarter = 1 | 2 | 3 | 4;

export function quarterPeriod(year: number, quarter: Quarter): Period {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return {
    from: `${year}-${String(first).padStart(2, '0')}-01`,
    to: `${year}-${String(last).padStart(2, '0')}-${lastDay}`,
  };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
