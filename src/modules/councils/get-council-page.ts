import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationById, findOrganizationBySlug, type OrgRow } from '../orgs/index.ts';
import { type AssessmentQuestion, assessmentQuestions } from './councils.model.ts';
import {
  type AssessmentRow,
  type CallRow,
  type ConclusionRow,
  type CouncilRow,
  type DecisionRow,
  type MeetingRow,
  type MemberRow,
  type OpinionRequestRow,
  councilsRepository as repo,
} from './councils.repository.ts';

export type AssessmentSummary = {
  year: number;
  experts: number;
  expert: Partial<Record<AssessmentQuestion, number>>;
  self: Partial<Record<AssessmentQuestion, number>> | null;
  /** mean over every question, 1…5, experts' answers */
  expertIndex: number | null;
  selfIndex: number | null;
};

export type CouncilPage = {
  council: CouncilRow;
  org: OrgRow;
  current: MemberRow[];
  past: MemberRow[];
  upcoming: MeetingRow[];
  held: MeetingRow[];
  decisions: DecisionRow[];
  conclusions: ConclusionRow[];
  calls: CallRow[];
  opinions: (OpinionRequestRow & { expertName: string })[];
  assessments: AssessmentSummary[];
};

/** Is a membership current on the day? */
export function isCurrent(m: MemberRow, today: string): boolean {
  return m.termStart <= today && (!m.termEnd || m.termEnd >= today) && (!m.endedOn || m.endedOn >= today);
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null;

/** Per year: the experts' mean per question and the council's self-assessment (task 1.5). */
export function summariseAssessments(rows: AssessmentRow[]): AssessmentSummary[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const ofYear = rows.filter((r) => r.year === year);
    const experts = ofYear.filter((r) => r.kind === 'expert');
    const self = ofYear.find((r) => r.kind === 'self');
    const expert = Object.fromEntries(
      assessmentQuestions.flatMap((q) => {
        const m = mean(experts.map((r) => r.answers[q] ?? 0));
        return m === null ? [] : [[q, m]];
      }),
    );
    return {
      year,
      experts: experts.length,
      expert,
      self: self ? (self.answers as Partial<Record<AssessmentQuestion, number>>) : null,
      expertIndex: mean(experts.flatMap((r) => assessmentQuestions.map((q) => r.answers[q] ?? 0))),
      selfIndex: self ? mean(assessmentQuestions.map((q) => self.answers[q] ?? 0)) : null,
    };
  });
}

/** Everything the public page of a body shows (tasks 1.1–1.5). */
export async function getCouncilPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  councilId: string,
): Promise<CouncilPage> {
  const council = await repo.findCouncil(deps.db, councilId);
  if (!council) throw new NotFound('council');
  const org = await findOrganizationById(deps.db, council.orgId);
  if (!org) throw new NotFound('organization');
  const now = deps.clock.now();
  const today = toLocalDate(now);
  const [members, meetings, decisions, conclusions, calls, opinions, assessments] = await Promise.all([
    repo.membersOf(deps.db, council.id),
    repo.meetingsOf(deps.db, council.id),
    repo.decisionsOfCouncil(deps.db, council.id),
    repo.conclusionsOf(deps.db, council.id),
    repo.callsOf(deps.db, council.id),
    repo.opinionRequestsOf(deps.db, council.id),
    repo.assessmentsOf(deps.db, council.id),
  ]);
  return {
    council,
    org,
    current: members.filter((m) => isCurrent(m, today)),
    past: members.filter((m) => !isCurrent(m, today) && m.termStart <= today),
    upcoming: meetings.filter((m) => m.startsAt > now).reverse(),
    held: meetings.filter((m) => m.startsAt <= now),
    decisions,
    conclusions,
    calls,
    opinions: opinions.filter((o) => o.answeredAt),
    assessments: summariseAssessments(assessments),
  };
}

/**
 * The body /orgs/<slug>/council shows: the organisation's public council, else its
 * only body; with several and no public council, the list to choose from.
 */
export async function getOrgCouncils(
  deps: Pick<Deps, 'db'>,
  slug: string,
): Promise<{ org: OrgRow; councils: CouncilRow[]; main: CouncilRow | undefined }> {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new NotFound('organization');
  const councils = await repo.councilsOfOrg(deps.db, org.id);
  const main =
    councils.find((c) => c.kind === 'public_council') ?? (councils.length === 1 ? councils[0] : undefined);
  return { org, councils, main };
}
