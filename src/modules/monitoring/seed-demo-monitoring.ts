import { userActor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { findUserIdByEmail } from '../accounts/index.ts';
import { listAllOrganizations, upsertOrgSections } from '../orgs/index.ts';
import { demoCriteria } from './demo-methodology.ts';
import { freezeFigures } from './freeze-figures.ts';
import { appliesToLevel, ratedLevels } from './monitoring.model.ts';
import { monitoringRepository as repo } from './monitoring.repository.ts';
import { publishRating } from './publish-rating.ts';
import { expertCriteria } from './save-expert-scores.ts';

export const METHODOLOGY_TITLE =
  'Методика мониторинга и оценки открытости органов власти Калининградской области';

/**
 * The methodology is reference data: seeded (version 1, active) whatever SEED
 * says, once, so the project office starts from a complete one. Idempotent.
 */
export async function seedMethodology(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ criteria: number }> {
  if ((await repo.methodologies(deps.db)).length) return { criteria: 0 };
  return deps.db.transaction(async (tx) => {
    const m = await repo.insertMethodology(tx, {
      version: 1,
      titleRu: METHODOLOGY_TITLE,
      status: 'active',
      createdAt: deps.clock.now(),
      activatedAt: deps.clock.now(),
    });
    const rows = await repo.insertCriteria(
      tx,
      demoCriteria().map((c, i) => ({
        methodologyId: m.id,
        code: c.code,
        task: c.task,
        mechanism: c.mechanism,
        questionRu: c.questionRu,
        scale: c.scale,
        thresholds: c.thresholds ?? null,
        weight: c.weight,
        evidenceRu: c.evidenceRu,
        appliesTo: c.appliesTo,
        source: c.source,
        autoKey: c.autoKey ?? null,
        position: i,
      })),
    );
    return { criteria: rows.length };
  });
}

/** Every organisation's «Рейтинг открытости» section: its place and index explained, year by year. */
export async function registerRatingSections(deps: Pick<Deps, 'db'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const orgs = (await listAllOrganizations(tx)).filter((o) =>
      (ratedLevels as readonly string[]).includes(o.level),
    );
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((org) => ({
        orgId: org.id,
        key: 'openness_rating',
        path: 'rating',
        titleRu: 'Рейтинг открытости',
        titleEn: 'Openness rating',
        summaryRu: 'Место в ежегодном рейтинге открытости, индекс и из чего он сложился.',
        summaryEn: 'The place in the yearly openness rating, the index and what it is made of.',
        concept: org.level === 'municipal' ? 'VI' : 'V',
        responsibleDuty: 'openness',
        position: 120,
      })),
    );
    return orgs.length;
  });
}

/** A stable pseudo-random number 0–1 from a text (the demo's answers differ by body, the same on every run). */
function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

function demoValue(scale: string, seed: string, bias: number): number {
  const r = Math.min(1, hash01(seed) * 0.8 + bias);
  if (scale === 'yes_no') return r > 0.35 ? 1 : 0;
  if (scale === 'score_0_3') return Math.round(r * 3);
  if (scale === 'percent') return Math.round(r * 100);
  return Math.round(r * 30);
}

/** The demo cycles rate a few ministries and municipalities, as the rest of the demo region shows them. */
const DEMO_RATED = [
  'minzdrav',
  'minobr',
  'minfin',
  'minsoc',
  'mineconomy',
  'mincifry',
  'minkult',
  'minsport',
  'kaliningrad',
  'zelenogradsk',
  'svetlogorsk',
  'baltiysk',
  'gusev',
];

/** Names the browser journey and the tests rely on. */
export const DEMO_MONITORING = { publishedYear: 2025, openYear: 2026 } as const;

/**
 * Demo monitoring (SEED=demo): the cycle of 2025 over eight ministries and
 * five municipalities, self-assessments submitted, the demo expert's scores,
 * automatic figures frozen from the region's data, the rating published; the
 * cycle of 2026 open: Минздрав's self-assessment submitted, Калининград's a
 * draft, the demo expert assigned to Минздрав. Once only.
 */
export async function seedDemoMonitoring(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ cycles: number }> {
  if (await repo.cycleOfYear(deps.db, DEMO_MONITORING.publishedYear)) return { cycles: 0 };
  const officeId = await findUserIdByEmail(deps.db, 'project.office@open-region.example');
  const expertId = await findUserIdByEmail(deps.db, 'expert@open-region.example');
  const methodology = await repo.activeMethodology(deps.db);
  if (!officeId || !expertId || !methodology) return { cycles: 0 };
  const office = { actor: userActor(officeId, [{ role: 'project_office', orgId: null }]), ip: null };
  const orgs = (await listAllOrganizations(deps.db)).filter((o) => DEMO_RATED.includes(o.slug));
  const criteria = await repo.criteriaOf(deps.db, methodology.id);
  const now = deps.clock.now();

  const fill = async (
    cycleId: string,
    year: number,
    orgId: string,
    slug: string,
    level: string,
    submit: boolean,
  ) => {
    const bias = slug === 'minzdrav' || slug === 'kaliningrad' ? 0.3 : 0.1;
    await deps.db.transaction(async (tx) => {
      for (const c of criteria.filter((x) => x.source === 'self' && appliesToLevel(x, level)))
        await repo.upsertSelfAnswer(tx, {
          cycleId,
          orgId,
          criterionId: c.id,
          value: demoValue(c.scale, `${year}${slug}${c.code}`, bias),
          evidenceUrl: `/orgs/${slug}`,
          comment: null,
          updatedAt: now,
        });
      if (submit)
        await repo.setSelfStatus(tx, cycleId, orgId, { selfStatus: 'submitted', selfSubmittedAt: now });
    });
  };

  const insertCycle = async (year: number, cutoffOn: string) => {
    const cycle = await repo.insertCycle(deps.db, {
      year,
      methodologyId: methodology.id,
      cutoffOn,
      openedBy: officeId,
      openedAt: now,
    });
    await repo.insertCycleOrgs(
      deps.db,
      orgs.map((o) => ({ cycleId: cycle.id, orgId: o.id, level: o.level })),
    );
    return cycle;
  };

  // 2025: every organisation assessed, the rating published
  const past = await insertCycle(DEMO_MONITORING.publishedYear, `${DEMO_MONITORING.publishedYear + 1}-01-20`);
  for (const o of orgs) {
    await fill(past.id, past.year, o.id, o.slug, o.level, true);
    const a = await repo.insertAssignment(deps.db, { cycleId: past.id, orgId: o.id, expertUserId: expertId });
    if (!a) continue;
    await repo.replaceScores(
      deps.db,
      a.id,
      expertCriteria(criteria, o.level).map((c) => ({
        assignmentId: a.id,
        criterionId: c.id,
        value: demoValue(c.scale, `x${o.slug}${c.code}`, 0.15),
        comment: c.source === 'outside' ? 'Оценка по публикациям в прессе и социальных сетях за год.' : null,
      })),
    );
    await repo.markAssignmentSubmitted(deps.db, a.id, now);
  }
  await freezeFigures(deps, office, { cycleId: past.id });
  await publishRating(deps, office, { cycleId: past.id });

  // 2026: open, under way
  const open = await insertCycle(DEMO_MONITORING.openYear, `${DEMO_MONITORING.openYear + 1}-01-20`);
  const minzdrav = orgs.find((o) => o.slug === 'minzdrav');
  const kaliningrad = orgs.find((o) => o.slug === 'kaliningrad');
  if (minzdrav) {
    await fill(open.id, open.year, minzdrav.id, minzdrav.slug, minzdrav.level, true);
    await repo.insertAssignment(deps.db, { cycleId: open.id, orgId: minzdrav.id, expertUserId: expertId });
  }
  if (kaliningrad) await fill(open.id, open.year, kaliningrad.id, kaliningrad.slug, kaliningrad.level, false);
  return { cycles: 2 };
}
