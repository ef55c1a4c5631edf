import type { Origin } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound, Unauthenticated } from '../../platform/errors/index.ts';
import type { AppealType } from './appeals.model.ts';
import { type AppealDraftRow, appealsRepository as repo } from './appeals.repository.ts';

/*
 * Drafts of appeals (issue 10): the form as typed, kept for the signed-in
 * author only, so she can leave and come back; submitAppeal deletes the draft
 * in the transaction that registers the appeal.
 */

/** The form fields a draft keeps (tokens, files and anything else are left out). */
export const DRAFT_FIELDS = [
  'orgSlug',
  'officialName',
  'kind',
  'complainedOrgId',
  'obstructsPublicControl',
  'obstructionKind',
  'publicControlSubject',
  'lastName',
  'firstName',
  'patronymic',
  'organizationName',
  'email',
  'postalAddress',
  'phone',
  'answerForm',
  'subject',
  'text',
  'involvedPersons',
  'eventDate',
  'place',
  'collective',
  'cosigners',
  'publicationConsent',
  'archiveConsent',
] as const;

const FIELD_MAX = 30_000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The draft's part of a form's values: known fields only, each cut to a bound. */
export function draftValues(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of DRAFT_FIELDS) if (typeof values[k] === 'string') out[k] = values[k].slice(0, FIELD_MAX);
  return out;
}

function ownerOf(origin: Origin): string {
  if (!isSignedIn(origin.actor)) throw new Unauthenticated();
  return origin.actor.userId;
}

/** Save a new draft or update her own one; her files only (checked by the caller with ownUnattachedFiles). */
export async function saveAppealDraft(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string | null; type: AppealType; values: Record<string, string>; fileIds: string[] },
): Promise<AppealDraftRow> {
  const userId = ownerOf(origin);
  const now = deps.clock.now();
  const row = { type: input.type, values: draftValues(input.values), fileIds: input.fileIds.slice(0, 20) };
  if (input.draftId) {
    if (!UUID_RE.test(input.draftId)) throw new NotFound('draft');
    const d = await repo.updateOwnDraft(deps.db, input.draftId, userId, { ...row, updatedAt: now });
    if (!d) throw new NotFound('draft');
    return d;
  }
  return repo.insertDraft(deps.db, { ...row, authorUserId: userId, createdAt: now, updatedAt: now });
}

/** Her own draft, or NotFound (another person's draft does not exist for her). */
export async function getOwnAppealDraft(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  id: string,
): Promise<AppealDraftRow> {
  const userId = ownerOf(origin);
  const d = UUID_RE.test(id) ? await repo.findOwnDraft(deps.db, id, userId) : undefined;
  if (!d) throw new NotFound('draft');
  return d;
}

/** Her drafts, newest first (the cabinet lists them). */
export async function listOwnAppealDrafts(deps: Pick<Deps, 'db'>, origin: Origin): Promise<AppealDraftRow[]> {
  return repo.listOwnDrafts(deps.db, ownerOf(origin));
}

/** Delete her own draft (the files she uploaded stay hers, unattached, like any abandoned upload). */
export async function deleteAppealDraft(deps: Pick<Deps, 'db'>, origin: Origin, id: string): Promise<void> {
  const userId = ownerOf(origin);
  if (!UUID_RE.test(id) || !(await repo.deleteOwnDraft(deps.db, id, userId))) throw new NotFound('draft');
}
