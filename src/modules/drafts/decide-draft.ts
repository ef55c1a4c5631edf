import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict } from '../../platform/errors/index.ts';
import { escapeMarkup } from '../../platform/ui/escape.ts';
import { type DocType, publishDocument } from '../publications/index.ts';
import { draftForStaff } from './draft-access.ts';
import type { DecisionInput } from './drafts.input.ts';
import { draftsRepository as repo } from './drafts.repository.ts';

/**
 * The decision on a draft. Adopted or sent back once the summary of proposals
 * is published; withdrawn at any stage. An adopted draft becomes a document of
 * the publications module with the act's requisites, in the same transaction:
 * the document's text links back to the draft and the draft keeps its id.
 */
export async function decideDraft(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; decision: DecisionInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft, org } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.outcome) throw new Conflict('drafts.decision.already');
    const d = input.decision;
    if (d.outcome !== 'withdrawn' && draft.stage !== 'decision')
      throw new Conflict('drafts.decision.tooEarly');
    const now = deps.clock.now();
    let publicationId: string | null = null;
    if (d.outcome === 'adopted') {
      const last = (await repo.versions(tx, draft.id)).at(-1);
      const doc = await publishDocument({ db: tx, clock: deps.clock }, origin, {
        slug: org.slug,
        doc: {
          docType: draft.actType as DocType,
          docNumber: d.docNumber ?? '',
          docDate: d.docDate ?? toLocalDate(now),
          docStatus: 'действует',
          title: draft.title,
          summary: draft.summary.slice(0, 600),
          body: `<p>Проект акта и его публичное обсуждение: <a href="/drafts/${draft.id}">${escapeMarkup(draft.title)}</a></p>${last?.html ?? ''}`,
          topics: [],
          tags: ['проект прошёл обсуждение'],
          amends: [],
          cancels: [],
        },
      });
      publicationId = doc.id;
    }
    await repo.updateDraft(tx, draft.id, {
      stage: 'decision',
      outcome: d.outcome,
      decidedOn: toLocalDate(now),
      decisionNote: d.note,
      publicationId,
      updatedAt: now,
    });
    const item = await repo.planItemOfDraft(tx, draft.id);
    if (item && d.outcome === 'adopted')
      await repo.updatePlanItem(tx, item.id, { state: 'adopted', updatedAt: now });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.decide',
      objectType: 'draft_regulation',
      objectId: draft.id,
      orgId: org.id,
      details: { outcome: d.outcome, publicationId },
    });
  });
}
