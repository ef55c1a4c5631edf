import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput } from '../../../platform/errors/index.ts';
import { findUserByEmail } from '../../accounts/index.ts';
import type { ExpertInput } from './expertise.input.ts';
import { expertisePolicy } from './expertise.policy.ts';
import { type ExpertRow, expertiseRepository as repo } from './expertise.repository.ts';

/** The project office enters an expert accredited by the Ministry of Justice, linked to their account by e-mail. */
export async function registerExpert(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: ExpertInput,
): Promise<ExpertRow> {
  authorize(expertisePolicy.canKeepRegister(origin.actor));
  return deps.db.transaction(async (tx) => {
    let userId: string | null = null;
    if (input.email) {
      userId = (await findUserByEmail(tx, input.email.toLowerCase()))?.id ?? null;
      if (!userId) throw new InvalidInput([{ field: 'email', message: 'expertise.expert.email.unknown' }]);
    }
    const e = await repo.insertExpert(tx, {
      kind: input.kind,
      name: input.name,
      orderNumber: input.orderNumber,
      orderDate: input.orderDate,
      userId,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'expertise.expert.register',
      objectType: 'anti_corruption_expert',
      objectId: e.id,
      orgId: null,
      details: { orderNumber: e.orderNumber, orderDate: e.orderDate },
    });
    return e;
  });
}
