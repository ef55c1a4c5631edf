import { userActor } from '../../platform/authz/index.ts';
import type { GenerateContext, GenerateReport, Random } from '../../platform/generate/index.ts';
import { listGeneratedPool } from '../accounts/index.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { cycleResults } from './cycle-results.ts';
import { freezeFigures } from './freeze-figures.ts';
import { appliesToLevel, ratedLevels } from './monitoring.model.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';
import { publishRating } from './publish-rating.ts';
import { reconcileScore } from './reconcile-score.ts';
import { expertCriteria } from './save-expert-scores.ts';

/*
 * A region's openness monitoring for benchmarks (issue 11): one completed
 * yearly cycle (the year before the history's last) over every executive body
 * and municipality, on the active methodology: submitted self-assessments, two
 * experts' scores of each organisation (the few too far apart reconciled by
 * the project office), the automatic figures frozen from the generated region
 * and the rating published. About 100 organisations: the module's own use
 * cases and repository do it, no COPY needed.
 */

/** A value on the criterion's scale from a 0–1 quality. */
function valueOn(scale: string, r: number): number {
  const q = Math.max(0, Math.min(1, r));
  if (scale === 'yes_no') return q > 0.4 ? 1 : 0;
  if (scale === 'score_0_3') return Math.round(q * 3);
  if (scale === 'percent') return Math.round(q * 100);
  return Math.round(q * 30);
}

const EXPERT_NOTES = [
  'Оценка по материалам официального сайта и портала.',
  'Сведения подтверждены выборочной проверкой публикаций.',
  'Оценка по публикациям в прессе и социальных сетях за год.',
];
const RECONCILE_NOTE =
  'Оценки экспертов разошлись; проектный офис принял среднее после изучения доказательств органа.';

/** `npm run generate`: the monitoring module's share of a region (see the comment on top). */
export async function generateMonitoring(ctx: GenerateContext): Promise<GenerateReport> {
  const { deps } = ctx;
  const { db } = deps;
  const rnd: Random = ctx.random('monitoring');
  const year = ctx.until.getUTCFullYear() - 1;
  const methodology = await repo.activeMethodology(db);
  const { projectOffice, experts } = await listGeneratedPool(db);
  if (!methodology || !projectOffice || experts.length < 2 || (await repo.cycleOfYear(db, year)))
    return { cycles: 0 };
  const office = { actor: userActor(projectOffice, [{ role: 'project_office', orgId: null }]), ip: null };
  const orgs = (await listAllOrganizations(db)).filter((o) =>
    (ratedLevels as readonly string[]).includes(o.level),
  );
  const criteria = await repo.criteriaOf(db, methodology.id);
  const at = (month: number, day: number) => new Date(Date.UTC(year, month - 1, day, 9));
  const submittedAt = at(12, 20);

  const cycle = await repo.insertCycle(db, {
    year,
    methodologyId: methodology.id,
    cutoffOn: `${year + 1}-01-20`,
    openedBy: projectOffice,
    openedAt: at(12, 1),
  });
  await repo.insertCycleOrgs(
    db,
    orgs.map((o) => ({
      cycleId: cycle.id,
      orgId: o.id,
      level: o.level,
      selfStatus: 'submitted',
      selfSubmittedAt: submittedAt,
    })),
  );
  // each organisation has its own level of openness; its self-assessment is a little kinder than the experts
  const quality = new Map(orgs.map((o) => [o.id, 0.25 + rnd.next() * 0.7]));
  const selfRows = orgs.flatMap((o) =>
    criteria
      .filter((c) => c.source === 'self' && appliesToLevel(c, o.level))
      .map((c) => ({
        cycleId: cycle.id,
        orgId: o.id,
        criterionId: c.id,
        value: valueOn(c.scale, (quality.get(o.id) as number) + 0.1 + (rnd.next() - 0.5) * 0.5),
        evidenceUrl: `/orgs/${o.slug}`,
        comment: null,
        updatedAt: submittedAt,
      })),
  );
  await repo.insertSelfAnswers(db, selfRows);

  let scores = 0;
  for (const o of orgs) {
    const q = quality.get(o.id) as number;
    const first = rnd.int(experts.length);
    const pair = [experts[first], experts[(first + 1 + rnd.int(experts.length - 1)) % experts.length]];
    const mine = expertCriteria(criteria, o.level);
    const base = new Map(mine.map((c) => [c.id, q + (rnd.next() - 0.5) * 0.4]));
    for (const expertUserId of pair) {
      const a = await repo.insertAssignment(db, {
        cycleId: cycle.id,
        orgId: o.id,
        expertUserId: expertUserId as string,
      });
      if (!a) continue;
      const rows = mine.map((c) => ({
        assignmentId: a.id,
        criterionId: c.id,
        // most scores agree within a point; one in twelve is far apart and waits for reconciliation
        value: valueOn(
          c.scale,
          (base.get(c.id) as number) +
            (rnd.chance(1 / 12) ? 0.7 : (rnd.next() - 0.5) * 0.2) * (rnd.chance(0.5) ? 1 : -1),
        ),
        comment: rnd.chance(0.3) ? rnd.pick(EXPERT_NOTES) : null,
      }));
      await repo.replaceScores(db, a.id, rows);
      await repo.markAssignmentSubmitted(db, a.id, at(12, 25));
      scores += rows.length;
    }
  }
  const { pending } = await cycleResults(db, (await repo.findCycle(db, cycle.id)) ?? cycle);
  for (const p of pending) {
    // the mean of the experts' scores, on the scale (a half point rounds up)
    const value = Math.round(p.scores.reduce((s, v) => s + v, 0) / Math.max(1, p.scores.length));
    await reconcileScore({ db, clock: { now: () => at(12, 28) } }, office, {
      cycleId: cycle.id,
      orgId: p.orgId,
      criterionId: p.criterionId,
      value,
      note: RECONCILE_NOTE,
    });
  }
  const closing = { db, clock: { now: () => new Date(Date.UTC(year + 1, 0, 21, 9)) } };
  const { values } = await freezeFigures(closing, office, { cycleId: cycle.id });
  const published = await publishRating(
    { db, clock: { now: () => new Date(Date.UTC(year + 1, 1, 15, 9)) } },
    office,
    { cycleId: cycle.id },
  );
  ctx.progress(`monitoring: the ${year} rating of ${published.organisations} organisations`);
  return {
    cycles: 1,
    organisations: published.organisations,
    selfAnswers: selfRows.length,
    expertScores: scores,
    reconciled: pending.length,
    automaticValues: values,
  };
}
