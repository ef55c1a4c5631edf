import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { type Actor, userActor } from '../../../platform/authz/index.ts';
import { answerAppeal } from '../../appeals/answer-appeal.ts';
import { classifyAppeal } from '../../appeals/classify-appeal.ts';
import { type AppealRow, submitAppeal } from '../../appeals/index.ts';
import { findOrganizationBySlug, type OrgRow, seedOrganizations } from '../../orgs/index.ts';
import { seedDemoPlans } from '../seed-demo-plans.ts';

// Concept task 6.5, counted in the plans module: a body's annual report (page and DOCX) shows the
// complaints of obstructed public control about its officials received that year, the findings and
// the measures; the comprehensive plan shows the region's. Counts under 3 are suppressed as in the
// appeals statistics.

let t: TestApp;
let minzdrav: OrgRow;
let minobr: OrgRow;
let citizen: Actor;
let officer: Actor;
let head: Actor;
const reportUrl = '/orgs/minzdrav/reports/2026';
const OFFICIAL = 'Петров Пётр Петрович';

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-28T10:00:00+02:00');
  await seedOrganizations(t.deps, { demoOfficials: true });
  await seedDemoPlans(t.deps);
  minzdrav = (await findOrganizationBySlug(t.deps.db, 'minzdrav')) as OrgRow;
  minobr = (await findOrganizationBySlug(t.deps.db, 'minobr')) as OrgRow;
  const c = await createUser(t.deps, { identification: 'esia', identityLevel: 'verified' });
  citizen = userActor(c.userId, [], { identification: 'esia', identityLevel: 'verified', email: c.email });
  const o = await createUser(t.deps, { grants: [{ role: 'appeals_officer', orgId: minzdrav.id }] });
  officer = userActor(o.userId, [{ role: 'appeals_officer', orgId: minzdrav.id }], { email: o.email });
  const h = await createUser(t.deps, { grants: [{ role: 'head', orgId: minzdrav.id }], position: 'Министр' });
  head = userActor(h.userId, [{ role: 'head', orgId: minzdrav.id }], { email: h.email });
});
afterAll(async () => {
  await t?.close();
});

/** A citizen's complaint to Минздрав that an official of `about` obstructed public control. */
async function complain(about: OrgRow): Promise<AppealRow> {
  const { appeal } = await submitAppeal(
    t.deps,
    { actor: citizen, ip: null },
    {
      type: 'appeal',
      kind: 'complaint',
      orgSlug: 'minzdrav',
      officialName: null,
      complainedOrgId: about.id,
      complainedOfficialId: null,
      obstructsPublicControl: true,
      obstructionKind: 'information_refused',
      publicControlSubject: 'Общественный совет',
      lastName: 'Смирнова',
      firstName: 'Анна',
      patronymic: null,
      email: 'anna@example.test',
      postalAddress: null,
      phone: null,
      organizationName: null,
      subject: null,
      text: `Должностное лицо ${OFFICIAL} отказало общественному совету в сведениях.`,
      involvedPersons: null,
      eventDate: null,
      place: null,
      answerForm: null,
      collective: false,
      publicationConsent: false,
      archiveConsent: false,
      cosigners: [],
    },
  );
  return appeal;
}

async function find(
  a: AppealRow,
  finding: 'confirmed' | 'not_confirmed',
  measure?: 'disciplinary' | 'other',
) {
  await classifyAppeal(
    t.deps,
    { actor: officer, ip: null },
    {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    },
  );
  await answerAppeal(
    t.deps,
    { actor: head, ip: null },
    {
      id: a.id,
      text: 'Проверка проведена.',
      results: [{ status: 'explained', measuresTaken: false }],
      obstruction: {
        finding,
        measure,
        note: measure === 'other' ? 'Проведена служебная проверка' : undefined,
      },
    },
  );
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
/** The cells of a figure's row in the page's table of complaints (one per year). */
function cells(html: string, label: string): string[] {
  const row = html.match(new RegExp(`<th scope="row"[^>]*>${label}</th>([\\s\\S]*?)</tr>`))?.[1] ?? '';
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => decode(m[1] as string));
}

describe('complaints of obstructed public control in the plans’ reports (6.5)', () => {
  it('suppresses a count of one or two in the body’s annual report', async () => {
    const before = await visitor(t.app).get(reportUrl);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Воспрепятствование общественному контролю');
    expect(cells(before.body, 'Поступило жалоб')).toEqual(['<3']);
    await complain(minzdrav);
    await complain(minzdrav);
    const page = await visitor(t.app).get(reportUrl);
    expect(cells(page.body, 'Поступило жалоб')).toEqual(['<3']);
    expect(page.body).not.toMatch(/>\s*2\s*<\/td>/);
  });

  it('counts them with their findings and measures once there are enough, never naming anyone', async () => {
    // 5 about Минздрав: 4 confirmed (3 disciplinary, 1 other), 1 not confirmed; 1 about Минобр
    const [a1, a2, a3] = [await complain(minzdrav), await complain(minzdrav), await complain(minzdrav)];
    await find(a1, 'confirmed', 'disciplinary');
    await find(a2, 'confirmed', 'disciplinary');
    await find(a3, 'confirmed', 'disciplinary');
    const earlier = await t.deps.db.$client.query(
      `select id, number from appeals where obstruction_kind is not null and obstruction_finding is null order by sequence limit 2`,
    );
    await find(earlier.rows[0] as AppealRow, 'confirmed', 'other');
    await find(earlier.rows[1] as AppealRow, 'not_confirmed');
    await complain(minobr);

    const page = await visitor(t.app).get(reportUrl);
    expect(cells(page.body, 'Поступило жалоб')).toEqual(['5']);
    expect(cells(page.body, 'Воспрепятствование подтвердилось')).toEqual(['4']);
    // the one not confirmed and the none pending are hidden, and so stay unknowable
    expect(cells(page.body, 'Не подтвердилось')).toEqual(['<3']);
    expect(cells(page.body, 'Из подтвердившихся: дисциплинарное взыскание')).toEqual(['3']);
    expect(cells(page.body, 'Из подтвердившихся: другая мера')).toEqual(['<3']);
    expect(page.body).not.toContain('Петров');
    expect(page.body).not.toContain('служебная проверка');

    const docx = await visitor(t.app).get(`${reportUrl}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain('Воспрепятствование общественному контролю');
    expect(value).toMatch(/Поступило жалоб\s+5/);
    expect(value).toMatch(/Из подтвердившихся: дисциплинарное взыскание\s+3/);
    expect(value).not.toContain('Петров');
  });

  it('shows the region’s figures by year with the comprehensive plan', async () => {
    const go = await visitor(t.app).get('/plans/comprehensive');
    expect(go.statusCode).toBe(303);
    const page = await visitor(t.app).get(String(go.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Воспрепятствование общественному контролю');
    // the plan runs 2026–2028: only the years up to this one have figures
    const received = cells(page.body, 'Поступило жалоб');
    expect(received).toEqual(['6']);
    expect(page.body).not.toContain('Петров');
    // a plan of another kind has no such section
    const own = await visitor(t.app).get('/orgs/minzdrav/plans');
    const planHref = own.body.match(/href="(\/orgs\/minzdrav\/plans\/[0-9a-f-]{36})"/)?.[1] ?? '';
    const other = await visitor(t.app).get(planHref);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('id="obstruction-figures"');
  });
});
