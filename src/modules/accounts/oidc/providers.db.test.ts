import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/db.ts';
import { settings } from '../../../platform/db/settings.tables.ts';
import { isSealed } from '../../../platform/secrets/index.ts';
import { configuredProviders, PROVIDERS_SETTING } from './providers.ts';

/* OpenID Connect client secrets are not kept in plain text in `settings` (issue 9). */

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

const provider = {
  id: 'esia',
  labelRu: 'Госуслуги',
  labelEn: 'Gosuslugi',
  issuer: 'https://esia-gateway.example/',
  clientId: 'portal',
  clientSecret: 'plain-client-secret-1',
};

async function storedSecret(): Promise<string> {
  const [row] = await deps.db.select().from(settings).where(eq(settings.key, PROVIDERS_SETTING));
  return ((row?.value ?? []) as { clientSecret: string }[])[0]?.clientSecret as string;
}

describe('OIDC client secrets in settings', () => {
  it('a secret written by hand in plain text is sealed in place on first read, and still works', async () => {
    await deps.db.insert(settings).values({ key: PROVIDERS_SETTING, value: [provider] });
    const [p] = await configuredProviders(deps);
    expect(p?.clientSecret).toBe('plain-client-secret-1');
    const stored = await storedSecret();
    expect(isSealed(stored)).toBe(true);
    expect(JSON.stringify(await deps.db.select().from(settings))).not.toContain('plain-client-secret-1');
    expect((await configuredProviders(deps))[0]?.clientSecret).toBe('plain-client-secret-1');
    expect(await storedSecret()).toBe(stored);
  });

  it('after SECRETS_KEY changes, the previous key opens it and it is sealed again with the new one', async () => {
    const before = await storedSecret();
    const newKey = 'n'.repeat(40);
    const rotating = {
      ...deps,
      config: { ...deps.config, secretKeys: { current: newKey, previous: deps.config.secretKeys.current } },
    };
    expect((await configuredProviders(rotating))[0]?.clientSecret).toBe('plain-client-secret-1');
    const after = await storedSecret();
    expect(after).not.toBe(before);
    const rotated = {
      ...deps,
      config: { ...deps.config, secretKeys: { current: newKey, previous: undefined } },
    };
    expect((await configuredProviders(rotated))[0]?.clientSecret).toBe('plain-client-secret-1');
    // The old key alone can no longer open it: the provider is skipped, not a crash.
    expect(await configuredProviders(deps)).toEqual([]);
  });
});
