import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { appealsPolicy } from './appeals.policy.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { archiveRepository } from './archive/archive.repository.ts';
import { unindexArchiveEntry } from './archive/archive.search.ts';

/**
 * The author gives or withdraws consent to the public archive (152-ФЗ art. 9
 * ч. 2: consent may be withdrawn). A withdrawal takes the anonymised entry out
 * of the archive and of the search in the same transaction; a consent given
 * later puts the appeal on staff's list to anonymise and publish.
 */
export async function setArchiveConsent(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { number: string; consent: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const found = await repo.findByNumber(tx, input.number);
    if (!found) throw new NotFound('appeal');
    authorize(appealsPolicy.canReadAsAuthor(origin.actor, found), true);
    authorize(appealsPolicy.canChangeArchiveConsent(origin.actor, found));
    const a = await repo.lockById(tx, found.id);
    if (!a || !isSignedIn(origin.actor)) throw new NotFound('appeal');
    if ((a.archiveConsentAt !== null) === input.consent) return;
    const now = deps.clock.now();
    await repo.update(tx, a.id, { archiveConsentAt: input.consent ? now : null, updatedAt: now });
    const removed = input.consent ? undefined : await archiveRepository.removeByAppeal(tx, a.id);
    if (removed) await unindexArchiveEntry(tx, removed);
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'archive_consent',
      actorUserId: origin.actor.userId,
      details: { consent: input.consent, unpublished: removed !== undefined },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: input.consent ? 'appeal.archive_consent.give' : 'appeal.archive_consent.withdraw',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, unpublished: removed !== undefined },
    });
  });
}
