import { appendFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { freePort } from '../../src/platform/db/embedded.ts';
import { startMailWorker } from '../../src/platform/mail/index.ts';
import { seed } from '../../src/seed.ts';
import { type CreatedUser, signIn } from '../auth.ts';
import { createTestDeps, type TestDeps } from '../db.ts';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type Portal = {
  url: string;
  app: FastifyInstance;
  deps: TestDeps;
  browser: Browser;
  close(): Promise<void>;
};

/** The real portal with the demo region, listening on loopback, and a browser to visit it. */
export async function startPortal(opts: { smtpUrl?: string } = {}): Promise<Portal> {
  // the port is chosen first so that PUBLIC_URL (links in mail, OIDC redirects) points at this server
  const port = await freePort();
  // the demo region seeded once for the run (test/browser/global-setup.ts); seeded here otherwise
  const demoTemplate = inject('demoTemplateDb');
  const deps = await createTestDeps({
    env: { SEED: 'demo', PUBLIC_URL: `http://127.0.0.1:${port}` },
    ...(opts.smtpUrl ? { smtpUrl: opts.smtpUrl } : {}),
    ...(demoTemplate ? { templateDb: demoTemplate } : {}),
  });
  if (!demoTemplate) await seed(deps);
  if (opts.smtpUrl) await startMailWorker(deps.jobs, deps.mail);
  const app = await buildApp(deps);
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    deps,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await deps.close();
    },
  };
}

/** A browser context with JavaScript off: every page must work this way. */
export function noScriptContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
}

/**
 * A browser context signed in as this person (JavaScript off unless asked):
 * the session comes from the real sign-in form (test/auth.ts signIn).
 */
export async function signedInContext(
  portal: Portal,
  user: CreatedUser,
  opts: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const sid = (await signIn(portal.app, user.email, user.password)).jar.get('sid');
  if (!sid) throw new Error('no session cookie');
  const context = await portal.browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false, ...opts });
  await context.addCookies([{ name: 'sid', value: sid, url: portal.url }]);
  return context;
}

/**
 * Assert the page has no axe violations at WCAG 2.1 AA, naming each one that fails.
 * axe runs as a script, which a context with JavaScript off cannot run; so the page's
 * DOM as the person sees it is replayed at the same URL in a scripting context, with
 * the page's own scripts blocked (the no-JavaScript page) unless `withScripts`.
 */
export async function expectAxeClean(page: Page, opts: { withScripts?: boolean } = {}): Promise<void> {
  const started = performance.now();
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('page has no browser');
  const ctx = await browser.newContext({ locale: 'ru-RU' });
  try {
    const replay = await ctx.newPage();
    await replay.route(
      (u) => u.href === url,
      (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    if (!opts.withScripts) await replay.route(/\.m?js(\?.*)?$/, (r) => r.abort());
    await replay.goto(url);
    const result = await new AxeBuilder({ page: replay })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const summary = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary, `axe on ${url}`).toEqual([]);
  } finally {
    await ctx.close();
    // AXE_TIMINGS=<file>: one line per check, to see what the browser suite's time is spent on
    if (process.env.AXE_TIMINGS)
      appendFileSync(process.env.AXE_TIMINGS, `${Math.round(performance.now() - started)}\t${url}\n`);
  }
}

/**
 * Assert the page does not scroll sideways (issue 10: every page at 375 px), naming what
 * pokes out when it does; tables scroll inside their own labelled container, so they count not.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > window.innerWidth ||
          (e.children.length === 0 && e.scrollWidth > e.clientWidth + 1),
      )
      .filter((e) => !e.closest('.app-table-wrap, .app-table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }));
  expect(scrollWidth, `${page.url()}: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}
