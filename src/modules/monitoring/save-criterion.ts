import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { type DbOrTx, inTurn } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import type { CriterionInput } from './monitoring.input.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import {
  type CriterionRow,
  type MethodologyRow,
  monitoringRepository as repo,
} from './monitoring.repository.ts';

/** The columns a criterion's form sets. */
function fieldsOf(input: CriterionInput) {
  return {
    questionRu: input.questionRu,
    weight: input.weight,
    scale: input.scale,
    source: input.source,
    appliesTo: input.appliesTo,
    evidenceRu: input.evidenceRu ?? null,
    autoKey: input.source === 'automatic' ? (input.autoKey ?? null) : null,
    thresholds:
      input.scale === 'number' &&
      input.step1 !== undefined &&
      input.step2 !== undefined &&
      input.step3 !== undefined
        ? {
            direction: input.direction ?? 'up',
            steps: [input.step1, input.step2, input.step3] as [number, number, number],
          }
        : null,
  };
}

/**
 * The draft version to edit: the existing draft, or a new one copied from the
 * active version (every criterion), so the active version and the cycles
 * started on it never change.
 */
export async function draftFrom(
  tx: DbOrTx,
  base: MethodologyRow,
  at: Date,
): Promise<{ draft: MethodologyRow; idMap: Map<string, string> }> {
  if (base.status === 'draft') {
    const same = await repo.criteriaOf(tx, base.id);
    return { draft: base, idMap: new Map(same.map((c) => [c.id, c.id])) };
  }
  const existing = await repo.draftMethodology(tx);
  if (existing) {
    const [from, to] = await inTurn([
      () => repo.criteriaOf(tx, base.id),
      () => repo.criteriaOf(tx, existing.id),
    ]);
    const byCode = new Map(to.map((c) => [c.code, c.id]));
    return {
      draft: existing,
      idMap: new Map(from.flatMap((c) => (byCode.has(c.code) ? [[c.id, byCode.get(c.code) as string]] : []))),
    };
  }
  const draft = await repo.insertMethodology(tx, {
    version: await repo.nextVersion(tx),
    titleRu: base.titleRu,
    status: 'draft',
    previousVersionId: base.id,
    createdAt: at,
  });
  const old = await repo.criteriaOf(tx, base.id);
  const copies = await repo.insertCriteria(
    tx,
    old.map(({ id: _id, methodologyId: _m, ...c }) => ({ ...c, methodologyId: draft.id })),
  );
  const byCode = new Map(copies.map((c) => [c.code, c.id]));
  return { draft, idMap: new Map(old.map((c) => [c.id, byCode.get(c.code) as string])) };
}

/**
 * Edit a criterion of the methodology. A draft version is edited in place; an
 * active one is never changed: the edit goes into a new draft version (copied
 * from it), which the project office activates once its weights add up.
 * Returns the criterion as it now stands (in the draft).
 */
export async function saveCriterion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { criterionId: string; criterion: CriterionInput },
): Promise<CriterionRow> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const current = await repo.findCriterion(deps.db, input.criterionId);
  if (!current) throw new NotFound('criterion');
  return deps.db.transaction(async (tx) => {
    const base = (await repo.findMethodology(tx, current.methodologyId)) as MethodologyRow;
    const { draft, idMap } = await draftFrom(tx, base, deps.clock.now());
    const id = idMap.get(current.id);
    if (!id) throw new NotFound('criterion');
    await repo.updateCriterion(tx, id, fieldsOf(input.criterion));
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.criterion.save',
      objectType: 'monitoring_criterion',
      objectId: id,
      details: { code: current.code, version: draft.version, newVersion: draft.id !== base.id },
    });
    return (await repo.findCriterion(tx, id)) as CriterionRow;
  });
}
