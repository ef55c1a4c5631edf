import type { Deps } from '../../../platform/deps.ts';
import { findUserByEmail } from '../../accounts/index.ts';
import { expertiseRepository as repo } from './expertise.repository.ts';

/** The demo expert account (accounts' demo list) and an organisation, entered in the register. Idempotent. */
const DEMO_EXPERTS = [
  {
    email: 'expert@open-region.example',
    kind: 'person',
    name: 'Кузнецова Ольга Викторовна',
    orderNumber: '1187-р',
    orderDate: '2023-06-14',
  },
  {
    email: null,
    kind: 'organisation',
    name: 'АНО «Балтийский центр правовой экспертизы»',
    orderNumber: '342-р',
    orderDate: '2022-02-28',
  },
] as const;

/** SEED=demo: the register of accredited experts. */
export async function seedDemoExpertise(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ experts: number }> {
  const have = new Set((await repo.listExperts(deps.db)).map((e) => e.orderNumber));
  let n = 0;
  for (const e of DEMO_EXPERTS) {
    if (have.has(e.orderNumber)) continue;
    const userId = e.email ? ((await findUserByEmail(deps.db, e.email))?.id ?? null) : null;
    await repo.insertExpert(deps.db, {
      kind: e.kind,
      name: e.name,
      orderNumber: e.orderNumber,
      orderDate: e.orderDate,
      userId,
      createdAt: deps.clock.now(),
    });
    n++;
  }
  return { experts: n };
}
