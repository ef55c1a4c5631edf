import { appendFileSync } from 'node:fs';
import axe from 'axe-core';
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

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeViolation = { id: string; help: string; nodes: { target: unknown[] }[] };
declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
  }
}

/** axe-core in the page (and its frames, if any), at WCAG 2.1 AA, violations only. */
function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(
    (tags) =>
      (window.axe as NonNullable<Window['axe']>)
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) =>
          r.violations.map((v) => ({
            id: v.id,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target })),
          })),
        ),
    AXE_TAGS,
  );
}

/**
 * One page per browser on which the DOM of a no-JavaScript page is replayed for axe: its context
 * loads axe-core into every document, and answers a replayed address with the DOM it was given.
 * Reused, it keeps the renderer and the cached styles: a check costs about a second, where a new
 * context each time (and @axe-core/playwright's extra page for finishRun) cost about four.
 */
type Replay = { page: Page; pending: Map<string, string>; queue: Promise<unknown> };
const replays = new WeakMap<Browser, Promise<Replay>>();
function replayPageOf(browser: Browser): Promise<Replay> {
  let replay = replays.get(browser);
  if (!replay) {
    replay = (async () => {
      const ctx = await browser.newContext({ locale: 'ru-RU' });
      await ctx.addInitScript({ content: axe.source });
      const pending = new Map<string, string>();
      await ctx.route(
        (u) => pending.has(u.href),
        (r) =>
          r.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: pending.get(r.request().url()) as string,
          }),
      );
      return { page: await ctx.newPage(), pending, queue: Promise.resolve() };
    })();
    replays.set(browser, replay);
  }
  return replay;
}

/**
 * Assert the page has no axe violations at WCAG 2.1 AA, naming each one that fails.
 * axe runs as a script, which a context with JavaScript off cannot run; so the page's
 * DOM as the person sees it is replayed at the same URL in a scripting context, with
 * the page's own scripts removed (the no-JavaScript page). With `withScripts`, the page
 * is checked where it is, as its scripts left it.
 */
export async function expectAxeClean(page: Page, opts: { withScripts?: boolean } = {}): Promise<void> {
  const started = performance.now();
  const url = page.url();
  let violations: AxeViolation[];
  if (opts.withScripts) {
    for (const frame of page.frames()) await frame.evaluate(axe.source);
    violations = await runAxe(page);
  } else {
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    const browser = page.context().browser();
    if (!browser) throw new Error('page has no browser');
    const replay = await replayPageOf(browser);
    // the address without its fragment: that is what the browser requests
    const address = url.split('#')[0] as string;
    const run = replay.queue.then(async () => {
      replay.pending.set(address, html);
      try {
        await replay.page.goto(address);
      } finally {
        replay.pending.delete(address);
      }
      return runAxe(replay.page);
    });
    replay.queue = run.catch(() => undefined);
    violations = await run;
  }
  // AXE_TIMINGS=<file>: one line per check, to see what the browser suite's time is spent on
  if (process.env.AXE_TIMINGS)
    appendFileSync(process.env.AXE_TIMINGS, `${Math.round(performance.now() - started)}\t${url}\n`);
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  // every violation named in the failure's message, untruncated
  if (summary.length > 0) expect.fail(`axe on ${url}:\n${summary.join('\n')}`);
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

/**
 * A page of a journey as the person sees it: loaded, one h1 with this text (`partial`: containing
 * it), no sideways scroll when on a phone, axe clean (with the page's scripts when they run).
 */
export async function expectPage(
  page: Page,
  h1: string,
  opts: { phone?: boolean; js?: boolean; partial?: boolean } = {},
): Promise<void> {
  await page.waitForLoadState();
  // a page without its h1 shows what came instead
  expect(await page.locator('h1').count(), `${page.url()}\n${(await page.content()).slice(0, 3000)}`).toBe(1);
  const text = (await page.locator('h1').textContent())?.trim();
  if (opts.partial) expect(text, page.url()).toContain(h1);
  else expect(text, page.url()).toBe(h1);
  if (opts.phone) await expectNoSidewaysScroll(page);
  await expectAxeClean(page, { withScripts: opts.js === true });
}
