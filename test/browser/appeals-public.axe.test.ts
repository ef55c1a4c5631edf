import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { createUser } from '../auth.ts';
import { expectAxeClean, noScriptContext, type Portal, signedInContext, startPortal } from './harness.ts';

let portal: Portal;
let noJs: BrowserContext;
beforeAll(async () => {
  portal = await startPortal();
  noJs = await noScriptContext(portal.browser);
});
afterAll(async () => {
  await noJs?.close();
  await portal?.close();
});

describe('the public side of appeals with JavaScript off passes axe', () => {
  // The demo seed runs at the test clock (2 March 2026): reviews of Q3 and Q4 2025 are published.
  for (const path of [
    '/orgs/minzdrav/appeals',
    '/orgs/kaliningrad/appeals?lang=en',
    '/orgs/minzdrav/appeals/reviews',
    '/orgs/minzdrav/appeals/reviews/2025-q4',
    '/appeals/stats',
  ]) {
    it(path, async () => {
      const page = await noJs.newPage();
      const res = await page.goto(portal.url + path);
      expect(res?.status()).toBe(200);
      // The charts are server-rendered SVG: present and labelled without any script.
      if (!path.endsWith('/reviews')) {
        const svg = page.locator('svg[role="img"]').first();
        expect(await svg.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
      }
      await expectAxeClean(page);
      await page.close();
    });
  }

  it('the staff FAQ and reviews pages', async () => {
    const minzdrav = await findOrganizationBySlug(portal.deps.db, 'minzdrav');
    const officer = await createUser(portal.deps, {
      grants: [{ role: 'appeals_officer', orgId: minzdrav?.id as string }],
    });
    const ctx = await signedInContext(portal, officer);
    try {
      for (const path of ['/manage/appeals/faq', '/manage/appeals/faq/new', '/manage/appeals/reviews']) {
        const page = await ctx.newPage();
        const res = await page.goto(portal.url + path);
        expect(res?.status(), path).toBe(200);
        await expectAxeClean(page);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  });
});
