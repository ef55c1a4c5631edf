import type { Origin } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound, Unauthenticated } from '../../platform/errors/index.ts';
import { findOrganizationById, findOrganizationsByIds, type OrgRow } from '../orgs/index.ts';
import { appealsPolicy } from './appeals.policy.ts';
import {
  type AppealAnswerRow,
  type AppealRatingRow,
  type AppealRow,
  type AttachmentWithFile,
  type CosignerRow,
  type EventWithNotice,
  appealsRepository as repo,
} from './appeals.repository.ts';

export const CABINET_PAGE_SIZE = 20;

/** The signed-in citizen's own appeals, newest first, with their addressees. */
export async function listOwnAppeals(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  page = 1,
): Promise<{ rows: (AppealRow & { org: OrgRow | undefined })[]; total: number; page: number }> {
  if (!isSignedIn(origin.actor)) throw new Unauthenticated();
  const { rows, total } = await repo.listByAuthor(deps.db, origin.actor.userId, {
    limit: CABINET_PAGE_SIZE,
    offset: (page - 1) * CABINET_PAGE_SIZE,
  });
  // one query for every addressee on the page, not one per appeal
  const found = await findOrganizationsByIds(deps.db, [...new Set(rows.map((r) => r.orgId))]);
  const orgs = new Map(found.map((o) => [o.id, o]));
  return { rows: rows.map((r) => ({ ...r, org: orgs.get(r.orgId) })), total, page };
}

export type OwnAppeal = {
  appeal: AppealRow;
  org: OrgRow | undefined;
  forwardedTo: OrgRow | undefined;
  events: EventWithNotice[];
  cosigners: CosignerRow[];
  attachments: AttachmentWithFile[];
  answers: AppealAnswerRow[];
  rating: AppealRatingRow | undefined;
  noticePending: boolean;
  /** a complaint about an answer: the appeal whose answer it disputes */
  disputes: { number: string } | undefined;
};

/** One appeal as its author sees it: history, answers with their files, the rating. Others get 404. */
export async function getOwnAppeal(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  number: string,
): Promise<OwnAppeal> {
  const appeal = await repo.findByNumber(deps.db, number);
  if (!appeal) throw new NotFound('appeal');
  authorize(appealsPolicy.canReadAsAuthor(origin.actor, appeal), true);
  const userId = isSignedIn(origin.actor) ? origin.actor.userId : '';
  const [org, forwardedTo, events, cosigners, attachments, answers, rating, noticePending] =
    await Promise.all([
      findOrganizationById(deps.db, appeal.orgId),
      appeal.forwardedToOrgId ? findOrganizationById(deps.db, appeal.forwardedToOrgId) : undefined,
      repo.events(deps.db, appeal.id, { authorOnly: true }),
      repo.cosigners(deps.db, appeal.id),
      repo.attachments(deps.db, appeal.id),
      repo.sentAnswers(deps.db, appeal.id),
      repo.rating(deps.db, appeal.id, userId),
      repo.registrationNoticePending(deps.db, appeal.id),
    ]);
  const first = appeal.disputesAppealId ? await repo.findById(deps.db, appeal.disputesAppealId) : undefined;
  // the link shows only the author's own appeal (the use case that set it checked that already)
  const disputes = first && first.authorUserId === appeal.authorUserId ? { number: first.number } : undefined;
  return {
    appeal,
    org,
    forwardedTo,
    events,
    cosigners,
    attachments,
    answers,
    rating,
    noticePending,
    disputes,
  };
}
