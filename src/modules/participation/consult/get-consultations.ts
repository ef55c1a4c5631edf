import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { consultPolicy } from './consult.policy.ts';
import { type ConsultationRow, type QuestionRow, consultRepository as repo } from './consult.repository.ts';

export type ConsultationListItem = ConsultationRow & { questions: number; unanswered: number };
export type ConsultationPhase = 'upcoming' | 'live' | 'past';

export function phaseOf(c: { startsAt: Date; endsAt: Date }, now: Date): ConsultationPhase {
  if (now >= c.endsAt) return 'past';
  return now >= c.startsAt ? 'live' : 'upcoming';
}

/** Public list: every consultation (of one body or of all), each with its phase at `now`. */
export async function listConsultations(
  deps: Pick<Deps, 'db'>,
  orgId: string | null,
): Promise<ConsultationListItem[]> {
  return repo.consultationsOf(deps.db, orgId ? [orgId] : 'all');
}

/** A consultation's page: the consultation and its transcript in order of asking. */
export async function getConsultation(
  deps: Pick<Deps, 'db'>,
  id: string,
): Promise<{ consultation: ConsultationRow; questions: QuestionRow[] }> {
  const consultation = await repo.consultationById(deps.db, id);
  if (!consultation) throw new NotFound('consultation');
  return { consultation, questions: await repo.questionsOf(deps.db, consultation.id) };
}

/** The same for the body's staff, who answer and hide questions. */
export async function getConsultationForStaff(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ consultation: ConsultationRow; questions: QuestionRow[] }> {
  const res = await getConsultation(deps, id);
  authorize(consultPolicy.canRun(actor, res.consultation.orgId), true);
  return res;
}

/** /manage/consultations: the consultations of the bodies this person runs. */
export async function listConsultationsForStaff(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<ConsultationListItem[]> {
  authorize(consultPolicy.canRunAny(actor));
  return repo.consultationsOf(deps.db, consultPolicy.runOrgIds(actor));
}

/** The consultations still ahead or live of some bodies (the reference-group members' block). */
export function upcomingConsultationsOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  orgIds: string[],
): Promise<ConsultationRow[]> {
  return repo.upcomingOf(deps.db, orgIds, deps.clock.now());
}

type MemberBodies = (db: Deps['db'], userId: string) => Promise<string[]>;
let memberBodies: MemberBodies = async () => [];

/**
 * Reference groups tell which bodies a person follows as a member; groups sets
 * this at import, so consultations need not import groups (which imports them).
 */
export function setMemberBodiesSource(fn: MemberBodies): void {
  memberBodies = fn;
}

/** «Для ваших групп»: the coming consultations of the bodies whose groups the person belongs to. */
export async function consultationsForMember(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  orgId: string | null,
): Promise<ConsultationRow[]> {
  if (!isSignedIn(actor)) return [];
  const bodies = (await memberBodies(deps.db, actor.userId)).filter((id) => !orgId || id === orgId);
  return upcomingConsultationsOf(deps, bodies);
}
