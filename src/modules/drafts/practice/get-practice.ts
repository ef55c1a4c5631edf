import { type Actor, orgIdsWithRole } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  listAllOrganizations,
  type OrgRow,
} from '../../orgs/index.ts';
import {
  type DiscussionView,
  getDiscussionForObject,
  loadDiscussionView,
} from '../../participation/index.ts';
import { PRACTICE_OBJECT } from './comment-on-practice-case.ts';
import { PRACTICE_STAFF, practicePolicy } from './practice.policy.ts';
import {
  type PracticeCaseRow,
  type PracticeReferralRow,
  practiceRepository as repo,
} from './practice.repository.ts';

export const PRACTICE_PAGE_SIZE = 20;

async function orgOf(deps: Pick<Deps, 'db'>, slug: string): Promise<OrgRow> {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new NotFound();
  return org;
}

/** `/orgs/<slug>/practice`: the body's published cases by topic and act, and its figures. */
export async function getPublicPractice(
  deps: Pick<Deps, 'db'>,
  input: { slug: string; topic?: string | undefined; act?: string | undefined; page?: number | undefined },
) {
  const org = await orgOf(deps, input.slug);
  const page = input.page ?? 1;
  const [list, acts, stats] = await Promise.all([
    repo.listPublished(deps.db, org.id, {
      topic: input.topic,
      act: input.act,
      limit: PRACTICE_PAGE_SIZE,
      offset: (page - 1) * PRACTICE_PAGE_SIZE,
    }),
    repo.actsOf(deps.db, org.id),
    repo.stats(deps.db, org.id),
  ]);
  return { org, ...list, page, pages: Math.max(1, Math.ceil(list.total / PRACTICE_PAGE_SIZE)), acts, stats };
}

export type PracticeCasePage = {
  org: OrgRow;
  c: PracticeCaseRow;
  referrals: PracticeReferralRow[];
  /** the author's words and files: for the author and the body's staff only */
  files: { id: string; name: string; sizeBytes: number }[] | null;
  canWork: boolean;
  /** the public discussion of a published case */
  discussion: DiscussionView | null;
};

/** `/practice/<id>`: a published case for everyone; before that, its author and the body's staff (others: 404). */
export async function getPracticeCase(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<PracticeCasePage> {
  const c = await repo.findById(deps.db, id);
  if (!c) throw new NotFound();
  authorize(practicePolicy.canView(actor, c), true);
  const org = await findOrganizationById(deps.db, c.orgId);
  if (!org) throw new NotFound();
  const priv = practicePolicy.canSeePrivate(actor, c);
  const d = await getDiscussionForObject(deps.db, PRACTICE_OBJECT, c.id);
  return {
    discussion: d ? await loadDiscussionView(deps, actor, d) : null,
    org,
    c,
    referrals: await repo.referrals(deps.db, [c.id]),
    files: priv ? await repo.files(deps.db, c.id) : null,
    canWork: practicePolicy.canWork(actor, c.orgId),
  };
}

/** The case for the body's staff who answer it (others: 403, or 404 while it is not public). */
export async function getPracticeCaseForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<PracticeCasePage> {
  const page = await getPracticeCase(deps, actor, id);
  authorize(page.canWork);
  return page;
}

/** An attached file, for the author and the body's staff only. */
export async function getPracticeFile(deps: Pick<Deps, 'db'>, actor: Actor, id: string, fileId: string) {
  const c = await repo.findById(deps.db, id);
  if (!c || !practicePolicy.canSeePrivate(actor, c)) throw new NotFound();
  if (!(await repo.hasFile(deps.db, c.id, fileId))) throw new NotFound();
  return fileId;
}

/** `/manage/orgs/<slug>/practice`: the staff queue and figures. */
export async function getPracticeQueue(deps: Pick<Deps, 'db'>, actor: Actor, slug: string) {
  const org = await orgOf(deps, slug);
  authorize(practicePolicy.canWork(actor, org.id));
  const [cases, stats] = await Promise.all([repo.queue(deps.db, org.id), repo.stats(deps.db, org.id)]);
  return {
    org,
    cases,
    stats,
    referrals: await repo.referrals(
      deps.db,
      cases.map((c) => c.id),
    ),
  };
}

/** The body's figures of practice cases, for its statistics. */
export async function getPracticeStats(deps: Pick<Deps, 'db'>, slug: string) {
  const org = await orgOf(deps, slug);
  return { org, stats: await repo.stats(deps.db, org.id) };
}

/** `/manage/practice`: the bodies whose cases the person answers. */
export async function listPracticeOrgs(deps: Pick<Deps, 'db'>, actor: Actor): Promise<OrgRow[]> {
  const ids = orgIdsWithRole(actor, PRACTICE_STAFF);
  const all = await listAllOrganizations(deps.db);
  return ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
}
