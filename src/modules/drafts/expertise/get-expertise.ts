import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { expertisePolicy } from './expertise.policy.ts';
import {
  type ConclusionRow,
  type ExpertRow,
  type FindingRow,
  expertiseRepository as repo,
} from './expertise.repository.ts';
import {
  type DraftForExpertise,
  expertiseDrafts,
  type UnitForExpertise,
} from './expertise-drafts.repository.ts';
import { type PrescreenHit, prescreenRules, prescreenUnits } from './prescreen.ts';

export type ConclusionView = ConclusionRow & {
  expert: ExpertRow | undefined;
  findings: FindingRow[];
  overdue: boolean;
};

export type DraftExpertise = {
  draft: DraftForExpertise;
  units: UnitForExpertise[];
  /** pre-screening hints per unit key (hints, never a conclusion) and the rules' edition */
  hints: Map<string, PrescreenHit[]>;
  edition: string;
  conclusions: ConclusionView[];
  /** the person is an accredited expert who may file a conclusion now */
  canConclude: boolean;
  canAnswer: boolean;
};

/** The expertise of a draft as its card shows it: hints on the units, conclusions, answers and the overdue ones. */
export async function getDraftExpertise(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  draftId: string,
  /** the draft when the caller has just read it (the card), so it is not read twice */
  known?: DraftForExpertise,
): Promise<DraftExpertise> {
  const draft = known?.id === draftId ? known : await expertiseDrafts.find(deps.db, draftId);
  if (!draft) throw new NotFound();
  const [units, rows, expert] = await Promise.all([
    expertiseDrafts.units(deps.db, draft.id, draft.textVersion),
    repo.conclusionsOf(deps.db, draft.id),
    isSignedIn(actor) ? repo.expertOfUser(deps.db, actor.userId) : Promise.resolve(undefined),
  ]);
  const [findings, experts] = await Promise.all([
    repo.findingsOf(
      deps.db,
      rows.map((c) => c.id),
    ),
    repo.expertsByIds(deps.db, [...new Set(rows.map((c) => c.expertId))]),
  ]);
  const today = toLocalDate(deps.clock.now());
  return {
    draft,
    units,
    hints: prescreenUnits(units.map((u) => ({ ref: u.key, text: u.text }))),
    edition: prescreenRules.edition,
    conclusions: rows.map((c) => ({
      ...c,
      expert: experts.find((e) => e.id === c.expertId),
      findings: findings.filter((f) => f.conclusionId === c.id),
      overdue: !c.answeredAt && c.answerDueOn < today,
    })),
    canConclude: expertisePolicy.canConclude(actor, expert, draft),
    canAnswer: expertisePolicy.canAnswer(actor, draft),
  };
}

/** The form page of a conclusion: only for an accredited expert while the stage is open. */
export async function getDraftForConclusion(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, draftId: string) {
  const d = await getDraftExpertise(deps, actor, draftId);
  authorize(d.canConclude);
  return d;
}

/** The public register of accredited experts. */
export function listExperts(deps: Pick<Deps, 'db'>): Promise<ExpertRow[]> {
  return repo.listExperts(deps.db);
}

/** The register for the project office's page. */
export function listExpertsForStaff(deps: Pick<Deps, 'db'>, actor: Actor): Promise<ExpertRow[]> {
  authorize(expertisePolicy.canKeepRegister(actor));
  return repo.listExperts(deps.db);
}
