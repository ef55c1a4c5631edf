import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { orgBySlug } from './find-org.ts';
import { publicationsRepository as repo } from './publications.repository.ts';

/** Anyone may tell an organisation what is wrong with its site (8.2); staff read it in /manage. */
export async function submitSiteFeedback(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; text: string; email: string | null },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    await repo.insertFeedback(tx, {
      orgId: org.id,
      text: input.text,
      email: input.email,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'site_feedback.submit',
      objectType: 'site_feedback',
      orgId: org.id,
    });
  });
}
