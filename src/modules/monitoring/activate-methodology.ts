import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { WEIGHT_TOTAL, weightSums } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';

const LEVEL_RU = { executive: 'органов исполнительной власти', municipal: 'муниципальных образований' };

/** Why the weights do not add up, one sentence per kind of organisation; empty when they do. */
export function weightProblems(criteria: readonly { appliesTo: string; weight: number }[]): string[] {
  const sums = weightSums(criteria);
  return (Object.keys(sums) as (keyof typeof sums)[])
    .filter((level) => Math.abs(sums[level] - WEIGHT_TOTAL) > 0.01)
    .map(
      (level) =>
        `Сумма весов критериев для ${LEVEL_RU[level]} — ${sums[level].toLocaleString('ru-RU')}, а должна быть ${WEIGHT_TOTAL}. Измените веса так, чтобы сумма была ровно ${WEIGHT_TOTAL}.`,
    );
}

/**
 * Activate a draft version of the methodology: refused with the reason when
 * the weights of the criteria applying to executive bodies or to
 * municipalities do not add up to 100; the active version becomes superseded
 * (the cycles started on it keep it).
 */
export async function activateMethodology(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { methodologyId: string },
): Promise<void> {
  authorize(monitoringPolicy.canRun(origin.actor));
  const m = await repo.findMethodology(deps.db, input.methodologyId);
  if (!m) throw new NotFound('methodology');
  if (m.status !== 'draft') throw new Conflict('monitoring.conflict.notDraft');
  const problems = weightProblems(await repo.criteriaOf(deps.db, m.id));
  if (problems.length) throw new InvalidInput(problems.map((message) => ({ field: 'form', message })));
  await deps.db.transaction(async (tx) => {
    await repo.supersedeActive(tx);
    await repo.setMethodologyStatus(tx, m.id, 'active', deps.clock.now());
    await recordAction(tx, {
      ...origin,
      action: 'monitoring.methodology.activate',
      objectType: 'monitoring_methodology',
      objectId: m.id,
      details: { version: m.version },
    });
  });
}
