import type { Actor } from '../authz/index.ts';
import type { Deps } from '../deps.ts';
import { authorize } from '../errors/index.ts';
import { type OutboxFilter, outboxRepository } from '../mail/outbox.repository.ts';
import { managePolicy } from './manage.policy.ts';

/** One page of the outbox without message bodies, newest first. */
export async function listOutbox(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { filter: OutboxFilter; page: number; pageSize: number } | null,
) {
  authorize(managePolicy.canReadOutbox(actor));
  if (!input) return { rows: [], more: false };
  return outboxRepository.list(deps.db, input.filter, {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
}
