import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { translator } from '../../platform/i18n/index.ts';
import { findUserContact } from '../accounts/index.ts';
import type { AnswerProposalInput } from './opendata.input.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { opendataRepository as repo } from './opendata.repository.ts';

const tRu = translator('ru');

/**
 * The body's steward (or the region's coordinator) answers a proposal: accepted
 * into the publication plan, declined with the reason, or published as a dataset
 * of the body's register. Audited; the author is told by e-mail through the outbox.
 */
export async function answerProposal(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { id: string } & AnswerProposalInput,
): Promise<void> {
  const p = await repo.proposalById(deps.db, input.id);
  if (!p) throw new NotFound('dataset_proposal');
  authorize(opendataPolicy.canAnswerProposal(origin.actor, p.orgId));
  const datasetIdentifier = input.status === 'published' ? input.datasetIdentifier : null;
  if (datasetIdentifier) {
    const ds = await repo.byIdentifier(deps.db, datasetIdentifier);
    if (!ds || ds.orgId !== p.orgId)
      throw new InvalidInput([
        { field: 'datasetIdentifier', message: 'opendata.field.proposalDataset.unknown' },
      ]);
  }
  const author = p.userId ? await findUserContact(deps.db, p.userId) : undefined;
  await deps.db.transaction(async (tx) => {
    await repo.answerProposal(tx, p.id, {
      status: input.status,
      answer: input.answer,
      datasetIdentifier,
      answeredAt: deps.clock.now(),
      answeredBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
    });
    await recordAction(tx, {
      ...origin,
      action: 'dataset_proposal.answer',
      objectType: 'dataset_proposal',
      objectId: p.id,
      orgId: p.orgId,
      details: { from: p.status, to: input.status },
    });
    if (author)
      await deps.mail.send(tx, {
        to: author.email,
        kind: 'opendata.proposal_answered',
        subject: tRu('opendata.mail.answered.subject', { title: p.title }),
        text: tRu('opendata.mail.answered.text', {
          title: p.title,
          status: tRu(`opendata.proposals.status.${input.status}`),
          answer: input.answer,
          link: `${deps.config.publicUrl}/opendata/proposals/${p.id}`,
        }),
      });
  });
}
