import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { addCalendarDays, toLocalDate } from '../../../platform/calendar/index.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import type { ConclusionInput } from './expertise.input.ts';
import { expertisePolicy } from './expertise.policy.ts';
import { type ConclusionRow, expertiseRepository as repo } from './expertise.repository.ts';
import { answerDays } from './expertise.settings.ts';
import { expertiseDrafts } from './expertise-drafts.repository.ts';

/**
 * An accredited expert files a conclusion on a draft while its expertise stage
 * is open: findings on the units of the current text, or «коррупциогенные
 * факторы не выявлены». The body's answer falls due in 30 days (settings).
 */
export async function submitConclusion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; conclusion: ConclusionInput },
): Promise<ConclusionRow> {
  const actor = origin.actor;
  return deps.db.transaction(async (tx) => {
    const draft = await expertiseDrafts.find(tx, input.draftId);
    if (!draft) throw new NotFound();
    const expert = isSignedIn(actor) ? await repo.expertOfUser(tx, actor.userId) : undefined;
    authorize(expertisePolicy.canConclude(actor, expert, draft));
    if (!expert) throw new NotFound();
    const units = new Map(
      (await expertiseDrafts.units(tx, draft.id, draft.textVersion)).map((u) => [u.key, u.label]),
    );
    const unknown = input.conclusion.findings.flatMap((f, i) =>
      units.has(f.unit) ? [] : [{ field: `unit-${i + 1}`, message: 'expertise.unit.unknown' }],
    );
    if (unknown.length) throw new InvalidInput(unknown);
    const now = deps.clock.now();
    const { calendar } = await loadCalendar(tx);
    const due = calendar.adjust(addCalendarDays(toLocalDate(now), await answerDays(tx)), 'next');
    const c = await repo.insertConclusion(
      tx,
      {
        draftId: draft.id,
        orgId: draft.orgId,
        expertId: expert.id,
        textVersion: draft.textVersion,
        noFactors: input.conclusion.result === 'none',
        submittedAt: now,
        answerDueOn: due,
      },
      input.conclusion.findings.map((f, i) => ({
        position: i + 1,
        unitKey: f.unit,
        unitLabel: units.get(f.unit) ?? f.unit,
        factorCode: f.factor,
        description: f.description,
        proposal: f.proposal,
      })),
    );
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'expertise.conclusion.submit',
      objectType: 'expertise_conclusion',
      objectId: c.id,
      orgId: draft.orgId,
      details: { draftId: draft.id, findings: input.conclusion.findings.length, dueOn: due },
    });
    return c;
  });
}
