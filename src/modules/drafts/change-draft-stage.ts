import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { addCalendarDays, type LocalDate, toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { type Db, type DbOrTx, inTurn } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { openDiscussion as attachDiscussion, getDiscussionForObject } from '../participation/index.ts';
import { draftForStaff } from './draft-access.ts';
import type { ImpactDegree } from './drafts.input.ts';
import { type DraftRow, draftsRepository as repo } from './drafts.repository.ts';
import { loadPeriods, maximumDiscussionEnd, minimumDiscussionEnd } from './periods.ts';

/**
 * The moves of a draft from stage to stage that staff make: open the
 * discussion once the notice's term is over and a text exists; close it once
 * its last day has passed (the anti-corruption expertise opens); close the
 * expertise once its term is over (the summary of proposals is drawn up).
 * Each refuses with a plain reason when its time has not come.
 */

async function audit(
  tx: DbOrTx,
  origin: Origin,
  draft: DraftRow,
  action: string,
  details: Record<string, unknown>,
) {
  await recordAction(tx, {
    actor: origin.actor,
    ip: origin.ip,
    action,
    objectType: 'draft_regulation',
    objectId: draft.id,
    orgId: draft.orgId,
    details,
  });
}

/** The discussion engine's object type for a draft's public discussion. */
export const DRAFT_DISCUSSION = 'draft';
/** The rules on top of a draft's discussion. */
export const PROPOSAL_RULES =
  'Предложения принимаются к проекту в целом или к его статье, части, пункту: выберите структурную единицу и предложите новую редакцию. Все предложения войдут в сводку предложений с позицией разработчика.';

/** A unit as the engine's anchor: the version it belongs to and its key, so a proposal keeps both. */
export const anchorId = (version: number, key: string) => `v${version}:${key}`;
export function parseAnchor(id: string | null): { version: number; key: string } | null {
  const m = id?.match(/^v(\d+):(.+)$/);
  return m ? { version: Number(m[1]), key: m[2] as string } : null;
}

/** The last moment of a day in the region (Kaliningrad keeps UTC+2 all year). */
export function endOfRegionDay(d: LocalDate): Date {
  return new Date(`${d}T23:59:59.999+02:00`);
}

/** The discussion of a draft, once opened. */
export function draftDiscussion(db: Db, draftId: string) {
  return getDiscussionForObject(db, DRAFT_DISCUSSION, draftId);
}

/** The first and last possible day of a discussion opened today, for the form's hint. */
export async function discussionBounds(
  deps: Pick<Deps, 'db' | 'clock'>,
  degree: ImpactDegree,
): Promise<{ start: LocalDate; min: LocalDate; max: LocalDate }> {
  const start = toLocalDate(deps.clock.now());
  const [{ calendar }, periods] = await Promise.all([loadCalendar(deps.db), loadPeriods(deps.db)]);
  return {
    start,
    min: minimumDiscussionEnd(calendar, periods, degree, start),
    max: maximumDiscussionEnd(periods, start),
  };
}

/** Open the public discussion of the text until `endsOn` (at least the minimum period of its impact degree). */
export async function openDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; endsOn: LocalDate },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.stage !== 'notice' || draft.outcome) throw new Conflict('drafts.stage.notNotice');
    const today = toLocalDate(deps.clock.now());
    if (draft.noticeEndsOn && today <= draft.noticeEndsOn)
      throw new InvalidInput([{ field: 'endsOn', message: 'drafts.stage.noticeRunning' }]);
    if (draft.textVersion === 0)
      throw new InvalidInput([{ field: 'endsOn', message: 'drafts.stage.noText' }]);
    const [{ calendar }, periods] = await inTurn([() => loadCalendar(tx), () => loadPeriods(tx)]);
    const min = minimumDiscussionEnd(calendar, periods, draft.impactDegree as ImpactDegree, today);
    const max = maximumDiscussionEnd(periods, today);
    if (input.endsOn < min) throw new InvalidInput([{ field: 'endsOn', message: 'drafts.endsOn.tooEarly' }]);
    if (input.endsOn > max) throw new InvalidInput([{ field: 'endsOn', message: 'drafts.endsOn.tooLate' }]);
    // the comments: the participation module's discussion, anchored to this version's units
    const units = await repo.units(tx, draft.id, draft.textVersion);
    // a transaction is a Db to the engine: its own transaction becomes a savepoint of this one
    await attachDiscussion({ db: tx as unknown as Db, clock: deps.clock }, origin, {
      objectType: DRAFT_DISCUSSION,
      objectId: draft.id,
      orgId: draft.orgId,
      title: draft.title,
      ownerUrl: `/drafts/${draft.id}`,
      rules: PROPOSAL_RULES,
      opensAt: deps.clock.now(),
      closesAt: endOfRegionDay(input.endsOn),
      moderation: 'post',
      anchors: units.map((u) => ({ id: anchorId(draft.textVersion, u.key), label: u.label })),
      // a proposal: the new wording apart from its justification, both carried into the summary
      wordingField: true,
    });
    await repo.updateDraft(tx, draft.id, {
      stage: 'discussion',
      discussionStartsOn: today,
      discussionEndsOn: input.endsOn,
      updatedAt: deps.clock.now(),
    });
    const item = await repo.planItemOfDraft(tx, draft.id);
    if (item) await repo.updatePlanItem(tx, item.id, { state: 'discussion', updatedAt: deps.clock.now() });
    await audit(tx, origin, draft, 'draft.discussion_open', { endsOn: input.endsOn });
  });
}

/**
 * Close the discussion after its last day: the independent anti-corruption expertise opens.
 * `automatic`: the portal's job made the move when the term ran out (advance-draft-stages.ts).
 */
export async function closeDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; automatic?: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.stage !== 'discussion' || draft.outcome) throw new Conflict('drafts.stage.notDiscussion');
    const today = toLocalDate(deps.clock.now());
    if (draft.discussionEndsOn && today <= draft.discussionEndsOn)
      throw new Conflict('drafts.stage.discussionRunning');
    const periods = await loadPeriods(tx);
    await repo.updateDraft(tx, draft.id, {
      stage: 'expertise',
      expertiseStartsOn: today,
      expertiseEndsOn: addCalendarDays(today, periods.expertiseDays),
      updatedAt: deps.clock.now(),
    });
    await audit(tx, origin, draft, 'draft.discussion_close', input.automatic ? { automatic: true } : {});
  });
}

/** Close the expertise after its term: the developer states a position on each proposal. */
export async function closeExpertise(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; automatic?: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.stage !== 'expertise' || draft.outcome) throw new Conflict('drafts.stage.notExpertise');
    const today = toLocalDate(deps.clock.now());
    if (draft.expertiseEndsOn && today <= draft.expertiseEndsOn)
      throw new Conflict('drafts.stage.expertiseRunning');
    await repo.updateDraft(tx, draft.id, { stage: 'summary', updatedAt: deps.clock.now() });
    await audit(tx, origin, draft, 'draft.expertise_close', input.automatic ? { automatic: true } : {});
  });
}
