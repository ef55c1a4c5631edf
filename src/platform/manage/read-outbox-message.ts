import { recordAction } from '../audit/index.ts';
import type { Actor } from '../authz/index.ts';
import type { Deps } from '../deps.ts';
import { authorize, NotFound } from '../errors/index.ts';
import { outboxRepository } from '../mail/outbox.repository.ts';
import { managePolicy } from './manage.policy.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One message with its text. Messages carry sign-in and password-reset links,
 * so opening one is recorded in the audit log.
 */
export async function readOutboxMessage(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { id: string; ip: string | null },
) {
  authorize(managePolicy.canReadOutbox(actor));
  if (!UUID.test(input.id)) throw new NotFound();
  const m = await outboxRepository.byId(deps.db, input.id);
  if (!m) throw new NotFound();
  await recordAction(deps.db, {
    actor,
    ip: input.ip,
    action: 'outbox.read',
    objectType: 'outbox_message',
    objectId: m.id,
    details: { kind: m.kind },
  });
  return m;
}
