import type { DbOrTx } from '../../platform/db/client.ts';
import { appliesToLevel } from './monitoring.model.ts';
import { type CycleRow, monitoringRepository as repo } from './monitoring.repository.ts';
import { computeIndex, expertValue, type FoundValue, type IndexResult } from './scoring.ts';

export type Pending = { orgId: string; criterionId: string; code: string; scores: number[]; spread: number };
export type OrgResult = { orgId: string; level: string; result: IndexResult };

const fmt = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

/**
 * The index of every organisation of a cycle from what the cycle holds now:
 * the frozen automatic and survey values, the submitted self-assessment (a
 * body that has not submitted scores 0 on those questions), the submitted
 * experts' scores (reconciled where they differ above the threshold; the ones
 * still waiting are listed in `pending`).
 */
export async function cycleResults(
  db: DbOrTx,
  cycle: CycleRow,
): Promise<{ results: OrgResult[]; pending: Pending[] }> {
  const [members, criteria, autos, selfs, assignments, reconciled] = await Promise.all([
    repo.cycleOrgs(db, cycle.id),
    repo.criteriaOf(db, cycle.methodologyId),
    repo.autoValues(db, cycle.id),
    repo.selfAnswers(db, cycle.id),
    repo.assignments(db, cycle.id),
    repo.reconciliations(db, cycle.id),
  ]);
  const submitted = assignments.filter((a) => a.submittedAt);
  const scores = await repo.scoresOf(
    db,
    submitted.map((a) => a.id),
  );
  const orgOfAssignment = new Map(submitted.map((a) => [a.id, a.orgId]));
  const key = (orgId: string, criterionId: string) => `${orgId}|${criterionId}`;
  const autoBy = new Map(autos.map((v) => [key(v.orgId, v.criterionId), v]));
  const selfBy = new Map(selfs.map((v) => [key(v.orgId, v.criterionId), v]));
  const recBy = new Map(reconciled.map((v) => [key(v.orgId, v.criterionId), v]));
  const scoresBy = new Map<string, { value: number; comment: string | null }[]>();
  for (const s of scores) {
    const k = key(orgOfAssignment.get(s.assignmentId) as string, s.criterionId);
    scoresBy.set(k, [...(scoresBy.get(k) ?? []), { value: s.value, comment: s.comment }]);
  }
  const pending: Pending[] = [];
  const results = members.map((m) => {
    const mine = criteria.filter((c) => appliesToLevel(c, m.level));
    const result = computeIndex(mine, (c): FoundValue => {
      const id = criteria.find((x) => x.code === c.code)?.id as string;
      const k = key(m.orgId, id);
      if (c.source === 'automatic' || c.source === 'survey') {
        const v = autoBy.get(k);
        if (!v) return { value: null, basis: 'Не рассчитано: показатели цикла ещё не зафиксированы' };
        return {
          value: v.value,
          basis: String(v.data.basis ?? ''),
          evidence: typeof v.data.evidence === 'string' ? v.data.evidence : null,
        };
      }
      if (c.source === 'self') {
        if (m.selfStatus !== 'submitted') return { value: 0, basis: 'Самообследование не представлено — 0' };
        const a = selfBy.get(k);
        return {
          value: a?.value ?? 0,
          basis: a?.value === null || a === undefined ? 'Нет ответа — 0' : 'Ответ органа в самообследовании',
          evidence: a?.evidenceUrl ?? null,
          comments: a?.comment ? [a.comment] : [],
        };
      }
      const given = scoresBy.get(k) ?? [];
      const rec = recBy.get(k);
      const ev = expertValue(
        given.map((g) => g.value),
        cycle.reconcileThreshold,
        rec?.value ?? null,
      );
      if (ev.pending)
        pending.push({
          orgId: m.orgId,
          criterionId: id,
          code: c.code,
          scores: given.map((g) => g.value),
          spread: ev.spread,
        });
      const list = given.map((g) => fmt(g.value)).join(', ');
      return {
        value: ev.value,
        basis:
          given.length === 0
            ? rec
              ? `Значение проектного офиса: ${fmt(rec.value)} (${rec.note})`
              : 'Эксперты не оценивали — не учитывается'
            : rec
              ? `Оценки экспертов: ${list}; согласовано проектным офисом: ${fmt(rec.value)} (${rec.note})`
              : `Оценки экспертов: ${list}; среднее ${fmt(ev.value as number)}`,
        comments: given.flatMap((g) => (g.comment ? [g.comment] : [])),
      };
    });
    return { orgId: m.orgId, level: m.level, result };
  });
  return { results, pending };
}
