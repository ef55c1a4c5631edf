import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10: on the staff forms the error summary lists what to fix in the order of the fields,
// every link jumps to its own field (one element per id, inside the form that was sent), and a
// form names everything wrong at once.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;
let head: SignedIn;

/** The summary's links, in order. */
function summaryLinks(html: string): string[] {
  const summary = html.match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] as string);
}

/** Each link's field: exactly one element with that id, inside the form sent to `action`, in page order. */
function expectInFieldOrder(html: string, action: string, links: string[]) {
  const start = html.indexOf(`action="${action}"`);
  const end = html.indexOf('</form>', start);
  expect(start).toBeGreaterThan(0);
  const at = links.map((id) => {
    const all = [...html.matchAll(new RegExp(` id="${id}"`, 'g'))];
    expect(all, `one element with id="${id}"`).toHaveLength(1);
    const i = all[0]?.index ?? -1;
    expect(i > start && i < end, `#${id} inside the form`).toBe(true);
    return i;
  });
  expect(at).toEqual([...at].sort((a, b) => a - b));
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  officer = await sessionFor(t, k.officer);
  head = await sessionFor(t, k.head);
});
afterAll(() => t.close());

describe('error summaries on the staff appeal page', () => {
  it('forwarding names every missing field at once, in the order of the form', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    const res = await officer.post(
      `${url}/forward`,
      { mode: '', targetOrg: '', targetName: '', forwardReason: '' },
      { from: url },
    );
    expect(res.statusCode).toBe(422);
    const links = summaryLinks(res.body);
    expect(links).toEqual(['mode', 'targetOrg', 'forwardReason']);
    expectInFieldOrder(res.body, `${url}/forward`, links);
  });

  it('extending: days before the reason', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    const res = await head.post(`${url}/extend`, { days: 'месяц', extendReason: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    const links = summaryLinks(res.body);
    expect(links).toEqual(['days', 'extendReason']);
    expectInFieldOrder(res.body, `${url}/extend`, links);
    expect(res.body).toContain('value="месяц"');
  });

  it('a media request’s delay: the date before the reason', async () => {
    const a = await k.submit({ type: 'media_request' });
    const url = `/manage/appeals/${a.id}`;
    const res = await officer.post(`${url}/media-delay`, { until: 'завтра', delayReason: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    const links = summaryLinks(res.body);
    expect(links).toEqual(['until', 'delayReason']);
    expectInFieldOrder(res.body, `${url}/media-delay`, links);
  });

  it('returning a complaint: its own body picker, not the forwarding form’s', async () => {
    // a complaint whose subject is not recorded yet: both forms ask for it
    const a = await k.submit({ kind: 'complaint', complainedOrgId: null });
    const url = `/manage/appeals/${a.id}`;
    const page = await officer.get(url);
    expect([...page.body.matchAll(/ id="complainedOrg"/g)]).toHaveLength(1);
    expect([...page.body.matchAll(/ id="returnComplainedOrg"/g)]).toHaveLength(1);
    const res = await officer.post(
      `${url}/return`,
      { returnComplainedOrg: 'не из списка', returnReason: '' },
      { from: url },
    );
    expect(res.statusCode).toBe(422);
    const links = summaryLinks(res.body);
    expect(links).toEqual(['returnComplainedOrg', 'returnReason']);
    expectInFieldOrder(res.body, `${url}/return`, links);

    const ok = await officer.post(
      `${url}/return`,
      { returnComplainedOrg: k.other.id, returnReason: 'Только этот орган выдаёт лицензию' },
      { from: url },
    );
    expect(ok.statusCode).toBe(303);
  });
});
