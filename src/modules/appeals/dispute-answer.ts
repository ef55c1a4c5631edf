import type { Origin } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationById, listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import type { DisputeInput } from './appeals.input.ts';
import { appealsPolicy } from './appeals.policy.ts';
import { type AppealAnswerRow, type AppealRow, appealsRepository as repo } from './appeals.repository.ts';
import { submitAppeal } from './submit-appeal.ts';

/** What a complaint about an answer starts from: the first appeal, its body, its answer and the higher body. */
export type DisputeStart = {
  appeal: AppealRow;
  body: OrgRow;
  answer: AppealAnswerRow;
  /** the body's parent in the organisations tree, or the government; undefined for the government itself */
  higher: OrgRow | undefined;
};

/**
 * The body a complaint about `body`'s answer goes to: its parent in the
 * organisations tree, else the region's government. The government has none on
 * the portal (its answer is disputed in court), nor may a complaint go to the
 * body complained about (59-ФЗ art. 8 ч.6).
 */
async function higherBody(deps: Pick<Deps, 'db'>, body: OrgRow): Promise<OrgRow | undefined> {
  const parent = body.parentId ? await findOrganizationById(deps.db, body.parentId) : undefined;
  const higher =
    parent ?? (await listAllOrganizations(deps.db)).find((o) => o.level === 'government' && o.id !== body.id);
  return higher && higher.id !== body.id ? higher : undefined;
}

/** The author's answered appeal with what a complaint about its answer needs; others get 404. */
export async function getDisputeStart(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  number: string,
): Promise<DisputeStart> {
  const appeal = await repo.findByNumber(deps.db, number);
  if (!appeal) throw new NotFound('appeal');
  authorize(appealsPolicy.canReadAsAuthor(origin.actor, appeal), true);
  const answer = (await repo.sentAnswers(deps.db, appeal.id)).at(-1);
  if (!appealsPolicy.canDispute(origin.actor, appeal) || !answer)
    throw new Conflict('appeals.dispute.notAnswered');
  const body = await findOrganizationById(deps.db, appeal.orgId);
  if (!body) throw new NotFound('organization');
  return { appeal, body, answer, higher: await higherBody(deps, body) };
}

/**
 * Dispute an answer (59-ФЗ art. 4 п. 4, art. 8 ч. 6): a complaint to the higher
 * body about the body that answered, recorded by id (complainedOrgId), with the
 * author's details of the first appeal, linked to it both ways
 * (disputesAppealId, and a 'disputed' event on the first appeal).
 */
export async function disputeAnswer(
  deps: Deps,
  origin: Origin,
  input: DisputeInput & { number: string; idempotencyKey: string | null; locale: string },
): Promise<AppealRow> {
  const start = await getDisputeStart(deps, origin, input.number);
  const { appeal: a, higher } = start;
  if (!higher) throw new Conflict('appeals.dispute.noHigherBody');
  const { appeal } = await submitAppeal(deps, origin, {
    type: 'appeal',
    kind: 'complaint',
    orgSlug: higher.slug,
    officialName: null,
    complainedOrgId: a.orgId,
    complainedOfficialId: null,
    lastName: a.lastName,
    firstName: a.firstName,
    patronymic: a.patronymic,
    email: a.email ?? '',
    postalAddress: a.postalAddress,
    phone: a.phone,
    organizationName: null,
    obstructsPublicControl: false,
    publicControlSubject: null,
    subject: `Жалоба на ответ по обращению № ${a.number}`,
    text: input.text,
    involvedPersons: null,
    eventDate: null,
    place: null,
    answerForm: null,
    collective: false,
    publicationConsent: false,
    archiveConsent: input.archiveConsent,
    cosigners: [],
    idempotencyKey: input.idempotencyKey,
    locale: input.locale,
    disputesAppealId: a.id,
  });
  return appeal;
}
