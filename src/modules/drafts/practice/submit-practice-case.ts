import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { storeUploads, type UploadedFile, type UploadRules } from '../../../platform/files/index.ts';
import { findOrganizationBySlug } from '../../orgs/index.ts';
import type { PracticeCaseInput } from './practice.input.ts';
import { practicePolicy } from './practice.policy.ts';
import { type PracticeCaseRow, practiceRepository as repo } from './practice.repository.ts';

/** What a citizen may attach to a case: the decision, a photo, a letter. */
export const PRACTICE_FILE_RULES: UploadRules = {
  kinds: ['pdf', 'docx', 'jpg', 'png'],
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
};

/** A citizen describes a disputed case in a body's area; it waits for the body's comment (7.6). */
export async function submitPracticeCase(
  deps: Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'log'>>,
  origin: Origin,
  input: { slug: string; case: PracticeCaseInput; files: UploadedFile[] },
): Promise<PracticeCaseRow> {
  const actor = origin.actor;
  authorize(practicePolicy.canSubmit(actor));
  if (!isSignedIn(actor)) throw new NotFound();
  const org = await findOrganizationBySlug(deps.db, input.slug);
  if (!org) throw new NotFound();
  return deps.db.transaction(async (tx) => {
    const stored = await storeUploads(deps, tx, 'files', input.files, PRACTICE_FILE_RULES, actor.userId);
    const row = await repo.insertCase(tx, {
      orgId: org.id,
      authorUserId: actor.userId,
      ...input.case,
      createdAt: deps.clock.now(),
    });
    await repo.attachFiles(
      tx,
      row.id,
      stored.map((f) => f.id),
    );
    // the log keeps the case and the body; the citizen's words stay in the case alone
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'practice.submit',
      objectType: 'practice_case',
      objectId: row.id,
      orgId: org.id,
      details: { topic: row.topic, files: stored.length },
    });
    return row;
  });
}
