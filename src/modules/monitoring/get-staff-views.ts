import { type Actor, hasGlobalRole, isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findGlobalRoleHolders } from '../accounts/index.ts';
import {
  findOrganizationBySlug,
  findOrganizationsByIds,
  listAllOrganizations,
  type OrgRow,
} from '../orgs/index.ts';
import { cycleResults } from './cycle-results.ts';
import { appliesToLevel, ratedLevels, weightSums } from './monitoring.model.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import {
  type AssignmentRow,
  type CriterionRow,
  type CycleOrgRow,
  type CycleRow,
  type ExpertScoreRow,
  type MethodologyRow,
  monitoringRepository as repo,
  type SelfAnswerRow,
} from './monitoring.repository.ts';
import { expertCriteria } from './save-expert-scores.ts';

/** What /manage/monitoring shows the person: the project office's methodology and cycles, the body's self-assessments, the expert's assignments. */
export async function getMonitoringOverview(deps: Pick<Deps, 'db'>, actor: Actor) {
  authorize(monitoringPolicy.canOpenManage(actor));
  const canRun = monitoringPolicy.canRun(actor);
  const selfIds = monitoringPolicy.selfOrgIds(actor);
  const [methodologies, cycles, all] = await Promise.all([
    canRun ? repo.methodologies(deps.db) : Promise.resolve([] as MethodologyRow[]),
    repo.cycles(deps.db),
    listAllOrganizations(deps.db),
  ]);
  const orgById = new Map(all.map((o) => [o.id, o]));
  const mine = selfIds === 'all' ? [] : await repo.cyclesOfOrgs(deps.db, selfIds);
  const assignments =
    isSignedIn(actor) && hasGlobalRole(actor, 'expert')
      ? await repo.assignmentsOfExpert(deps.db, actor.userId)
      : [];
  const yearOf = new Map(cycles.map((c) => [c.id, c.year]));
  return {
    canRun,
    methodologies,
    cycles: canRun ? cycles : [],
    self: mine.flatMap((m) => {
      const org = orgById.get(m.orgId);
      return org ? [{ ...m, org }] : [];
    }),
    assignments: assignments.flatMap((a) => {
      const org = orgById.get(a.orgId);
      return org ? [{ ...a, org, year: yearOf.get(a.cycleId) as number }] : [];
    }),
  };
}

/** The version the project office works on (the draft, else the active one) with its criteria and weight sums. */
export async function getMethodologyForStaff(deps: Pick<Deps, 'db'>, actor: Actor) {
  authorize(monitoringPolicy.canRun(actor));
  const methodology = (await repo.draftMethodology(deps.db)) ?? (await repo.activeMethodology(deps.db));
  if (!methodology) throw new NotFound('methodology');
  const criteria = await repo.criteriaOf(deps.db, methodology.id);
  return { methodology, criteria, sums: weightSums(criteria) };
}

/** A criterion of the version being worked on, by its code. */
export async function getCriterionForStaff(deps: Pick<Deps, 'db'>, actor: Actor, code: string) {
  const { methodology, criteria } = await getMethodologyForStaff(deps, actor);
  const criterion = criteria.find((c) => c.code === code);
  if (!criterion) throw new NotFound('criterion');
  return { methodology, criterion };
}

async function cycleOrNotFound(deps: Pick<Deps, 'db'>, year: number): Promise<CycleRow> {
  const cycle = Number.isInteger(year) ? await repo.cycleOfYear(deps.db, year) : undefined;
  if (!cycle) throw new NotFound('cycle');
  return cycle;
}

/** The project office's page of a cycle: organisations and their state, experts, the preview index, what waits for reconciliation. */
export async function getCycleForStaff(deps: Pick<Deps, 'db'>, actor: Actor, year: number) {
  authorize(monitoringPolicy.canRun(actor));
  const cycle = await cycleOrNotFound(deps, year);
  const [members, assignments, experts, { results, pending }, criteria] = await Promise.all([
    repo.cycleOrgs(deps.db, cycle.id),
    repo.assignments(deps.db, cycle.id),
    findGlobalRoleHolders(deps.db, 'expert'),
    cycleResults(deps.db, cycle),
    repo.criteriaOf(deps.db, cycle.methodologyId),
  ]);
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        deps.db,
        members.map((m) => m.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  const index = new Map(results.map((r) => [r.orgId, r.result.index]));
  return {
    cycle,
    members: members
      .flatMap((m) =>
        orgs.has(m.orgId) ? [{ ...m, org: orgs.get(m.orgId) as OrgRow, index: index.get(m.orgId) ?? 0 }] : [],
      )
      .sort((a, b) => a.level.localeCompare(b.level) || a.org.nameRu.localeCompare(b.org.nameRu)),
    assignments,
    experts,
    pending: pending.map((p) => ({
      ...p,
      org: orgs.get(p.orgId) as OrgRow,
      criterion: criteria.find((c) => c.id === p.criterionId) as CriterionRow,
    })),
  };
}

/** All organisations a cycle may include (bodies and municipalities), for the form that opens one. */
export async function listRatedOrganizations(deps: Pick<Deps, 'db'>, actor: Actor): Promise<OrgRow[]> {
  authorize(monitoringPolicy.canRun(actor));
  return (await listAllOrganizations(deps.db)).filter((o) =>
    (ratedLevels as readonly string[]).includes(o.level),
  );
}

/** A body's self-assessment form of a year: its criteria and the answers saved. */
export async function getSelfAssessment(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { year: number; slug: string },
): Promise<{
  cycle: CycleRow;
  org: OrgRow;
  member: CycleOrgRow;
  criteria: CriterionRow[];
  answers: Map<string, SelfAnswerRow>;
}> {
  const org = await findOrganizationBySlug(deps.db, input.slug);
  if (!org) throw new NotFound('organization');
  authorize(monitoringPolicy.canReadSelf(actor, org.id));
  const cycle = await cycleOrNotFound(deps, input.year);
  const member = await repo.cycleOrg(deps.db, cycle.id, org.id);
  if (!member) throw new NotFound('cycle');
  const criteria = (await repo.criteriaOf(deps.db, cycle.methodologyId)).filter(
    (c) => c.source === 'self' && appliesToLevel(c, member.level),
  );
  const answers = new Map((await repo.selfAnswers(deps.db, cycle.id, org.id)).map((a) => [a.criterionId, a]));
  return { cycle, org, member, criteria, answers };
}

/** The expert's form for an organisation: their assignment, the criteria, their scores, and the others' once theirs are submitted. */
export async function getExpertAssignment(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { year: number; slug: string },
): Promise<{
  cycle: CycleRow;
  org: OrgRow;
  assignment: AssignmentRow;
  criteria: CriterionRow[];
  mine: Map<string, ExpertScoreRow>;
  others: ExpertScoreRow[];
}> {
  const org = await findOrganizationBySlug(deps.db, input.slug);
  if (!org || !isSignedIn(actor)) throw new NotFound('organization');
  const cycle = await cycleOrNotFound(deps, input.year);
  const assignments = await repo.assignments(deps.db, cycle.id);
  const assignment = assignments.find((a) => a.orgId === org.id && a.expertUserId === actor.userId);
  if (!assignment) throw new NotFound('assignment');
  authorize(monitoringPolicy.canScore(actor, assignment));
  const member = await repo.cycleOrg(deps.db, cycle.id, org.id);
  const criteria = expertCriteria(
    await repo.criteriaOf(deps.db, cycle.methodologyId),
    member?.level ?? org.level,
  );
  const peers = assignments.filter((a) => a.orgId === org.id && a.id !== assignment.id && a.submittedAt);
  // blind until submitted: the others' scores are read only after this expert's are final
  const [mine, others] = await Promise.all([
    repo.scoresOf(deps.db, [assignment.id]),
    assignment.submittedAt
      ? repo.scoresOf(
          deps.db,
          peers.map((p) => p.id),
        )
      : Promise.resolve([]),
  ]);
  return { cycle, org, assignment, criteria, mine: new Map(mine.map((s) => [s.criterionId, s])), others };
}
