import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { createApiToken } from '../../src/modules/accounts/api-tokens.ts';
import { answerAppeal } from '../../src/modules/appeals/answer-appeal.ts';
import { classifyAppeal } from '../../src/modules/appeals/classify-appeal.ts';
import { submitAppeal } from '../../src/modules/appeals/submit-appeal.ts';
import { applyToCall } from '../../src/modules/councils/apply-to-call.ts';
import { councilsRepository } from '../../src/modules/councils/councils.repository.ts';
import { createDraft } from '../../src/modules/drafts/create-draft.ts';
import { savePlanItem } from '../../src/modules/drafts/save-plan-item.ts';
import { DEMO_DISCUSSIONS } from '../../src/modules/participation/index.ts';
import { makeDemoPdf } from '../../src/modules/publications/demo-pdf.ts';
import { userActor } from '../../src/platform/authz/index.ts';
import { seed } from '../../src/seed.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { type SignedIn, signedInAs } from '../auth.ts';
import { Agent } from '../forms.ts';

/**
 * The world the security suites act in: the demo region (SEED=demo), one
 * person per role of the access matrix, and objects of body A
 * (minzdrav): a citizen's appeal with a signed answer, a corruption report, an
 * API token of the citizen. Body B is minobr. Every route the app has is
 * recorded as it is added.
 */

export const ORG_A = 'minzdrav';
export const ORG_B = 'minobr';

/** The roles of the access matrix (issue 9), in the order of its rows. */
export const matrixRoles = [
  'anonymous',
  'citizen',
  'staffA',
  'staffB',
  'head',
  'signer',
  'anticorruption',
  'moderator',
  'expert',
  'projectOffice',
  'admin',
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

export type RouteInfo = { method: string; url: string };

export type SecurityWorld = Awaited<ReturnType<typeof createSecurityWorld>>;

/** A citizen's appeal to `orgSlug` through the real intake use case. */
async function fileAppeal(
  t: TestApp,
  citizen: SignedIn,
  orgSlug: string,
  type: 'appeal' | 'corruption_report',
  text: string,
) {
  const actor = userActor(citizen.userId, [], {
    identification: 'esia',
    identityLevel: 'verified',
    email: citizen.email,
  });
  const { appeal } = await submitAppeal(t.deps, { actor, ip: null }, {
    type,
    kind: type === 'appeal' ? 'statement' : null,
    orgSlug,
    officialName: null,
    lastName: 'Смирнова',
    firstName: 'Анна',
    patronymic: 'Петровна',
    email: citizen.email,
    postalAddress: null,
    phone: null,
    organizationName: null,
    subject: null,
    text,
    involvedPersons: null,
    eventDate: null,
    place: null,
    answerForm: null,
    collective: false,
    cosigners: [],
  } as never);
  return appeal;
}

export async function createSecurityWorld() {
  const routes: RouteInfo[] = [];
  const t = await createTestApp({
    env: { SEED: 'demo' },
    onRoute: (r: RouteOptions) => {
      for (const m of Array.isArray(r.method) ? r.method : [r.method]) routes.push({ method: m, url: r.url });
    },
  });
  await seed(t.deps);
  const staffGrants = (org: string) =>
    ['editor', 'appeals_officer', 'data_steward', 'council_secretary'].map((role) => ({ role, org }));
  const withGrants = async (grants: { role: string; org: string }[]) => {
    const [first, ...rest] = grants as [{ role: string; org: string }, ...{ role: string; org: string }[]];
    const orgIds = await Promise.all(
      rest.map(async (g) => {
        const { rows } = await t.deps.db.$client.query('select id from organizations where slug = $1', [
          g.org,
        ]);
        return { role: g.role, orgId: rows[0].id as string };
      }),
    );
    return signedInAs(t, first.role as never, first.org, { grants: orgIds as never });
  };
  const citizen = await signedInAs(t, 'citizen', null, { identification: 'esia', identityLevel: 'verified' });
  const agents: Record<MatrixRole, Agent & Partial<SignedIn>> = {
    anonymous: new Agent(t.app),
    citizen,
    staffA: await withGrants(staffGrants(ORG_A)),
    staffB: await withGrants(staffGrants(ORG_B)),
    head: await signedInAs(t, 'head', ORG_A, { position: 'Министр' }),
    signer: await signedInAs(t, 'appeals_signer', ORG_A),
    anticorruption: await signedInAs(t, 'anti_corruption_officer', ORG_A),
    moderator: await signedInAs(t, 'moderator'),
    expert: await signedInAs(t, 'expert'),
    projectOffice: await signedInAs(t, 'project_office'),
    admin: await signedInAs(t, 'admin'),
  };

  const appeal = await fileAppeal(t, citizen, ORG_A, 'appeal', 'Прошу отремонтировать дорогу у поликлиники.');
  const report = await fileAppeal(t, citizen, ORG_A, 'corruption_report', 'Сообщаю о вымогательстве.');
  const head = agents.head as SignedIn;
  const { rows: headGrants } = await t.deps.db.$client.query(
    'select role, org_id as "orgId" from role_assignments where user_id = $1',
    [head.userId],
  );
  const headOrigin = { actor: userActor(head.userId, headGrants), ip: null };
  await classifyAppeal(t.deps, headOrigin, {
    id: appeal.id,
    questions: [{ topicCode: '0001.0002.0027.0145' }],
  });
  await answerAppeal(t.deps, headOrigin, {
    id: appeal.id,
    text: 'Ремонт включён в план на май.',
    results: [{ status: 'supported', measuresTaken: true }],
    files: [
      {
        filename: 'answer.pdf',
        mimetype: 'application/pdf',
        data: await makeDemoPdf('Ответ', ['Ремонт включён в план на май.']),
        truncated: false,
      },
    ],
  });
  // body A's draft regulation and legislative plan item (/manage/drafts/:id, /manage/legislative-plan/:id)
  const draft = await createDraft(t.deps, headOrigin, {
    slug: ORG_A,
    draft: {
      title: 'Проект приказа',
      summary: 'Кратко.',
      actType: 'приказ',
      impactDegree: 'low',
      planItemId: null,
    },
  });
  const planItem = await savePlanItem(t.deps, headOrigin, {
    slug: ORG_A,
    item: {
      year: 2026,
      horizon: 'annual',
      yearTo: null,
      title: 'О порядке',
      problem: 'Проблема.',
      affects: 'Жители.',
      actType: null,
      plannedFrom: null,
      plannedTo: null,
      responsibleName: 'Иванов И. И.',
      responsiblePosition: null,
      state: 'planned',
      councilOpinion: null,
    },
  });
  // the person whose roles /manage/users/:id/roles… grants and revokes in the matrix
  const victim = await signedInAs(t, 'editor', ORG_B);
  const token = await createApiToken(
    t.deps,
    { actor: userActor(citizen.userId, []), ip: null },
    { name: 'скрипт' },
  );

  const one = async (sql: string, params: unknown[] = []): Promise<string> => {
    const { rows } = await t.deps.db.$client.query(sql, params);
    return rows[0] ? String(Object.values(rows[0])[0]) : randomUUID();
  };
  const orgA = await one('select id from organizations where slug = $1', [ORG_A]);
  const councilA = await one("select id from councils where org_id = $1 and kind = 'public_council'", [orgA]);
  const [councilCall] = await councilsRepository.callsOf(t.deps.db, councilA);
  if (!councilCall) throw new Error('access fixtures: the demo call of body A is missing');
  const councilApplication = await applyToCall(
    t.deps,
    { actor: userActor(citizen.userId, []), ip: null },
    {
      callId: councilCall.id,
      application: {
        fullName: 'Смирнова Анна Петровна',
        referenceGroup: null,
        expertise: 'здравоохранение',
        motivation: 'Опыт в пациентской организации',
        documents: [],
        noConflict: true,
        poolConsent: false,
      },
    },
  );
  // a draft of body A in its expertise stage with one expert's conclusion, for the answer route
  const draftA = await one(
    `insert into draft_regulations (org_id, title, summary, act_type, impact_degree, stage, text_version)
     values ($1, 'Проект для матрицы', 'Проект', 'приказ', 'low', 'expertise', 1) returning id`,
    [orgA],
  );
  const expertA = await one(
    `insert into anti_corruption_experts (name, order_number, order_date, created_at)
     values ('Эксперт матрицы', '1-р', '2024-01-15', now()) returning id`,
  );
  const conclusionA = await one(
    `insert into expertise_conclusions (draft_id, org_id, expert_id, text_version, no_factors, submitted_at, answer_due_on)
     values ($1, $2, $3, 1, true, now(), current_date + 30) returning id`,
    [draftA, orgA, expertA],
  );
  /** The value of each path parameter: objects of body A, owned by the citizen. */
  const params: Record<string, string> = {
    id: appeal.id,
    number: appeal.number,
    slug: ORG_A,
    org: ORG_A,
    provider: 'dev-idp',
    fileId: await one('select file_id from appeal_attachments where appeal_id = $1', [appeal.id]),
    key: 'structure',
    year: '2025',
    declarantId: await one('select id from declarants where org_id = $1 limit 1', [orgA]),
    period: '2026-q1',
    section: 'structure',
    v: '1',
    file: 'news.atom',
    name: 'x.pdf',
    '*': 'index.css',
    token: 'not-a-token',
    assignmentId: await one('select id from role_assignments where user_id = $1', [victim.userId]),
    planId: await one("select id from plans where org_id = $1 and status = 'discussion' limit 1", [orgA]),
    identifier: await one('select identifier from datasets where org_id = $1 limit 1', [orgA]),
  };
  params.itemId = await one("select id from plan_items where plan_id = $1 and kind = 'indicator' limit 1", [
    params.planId,
  ]);
  // a published poll and a survey of body A (its one question deleted once by the matrix)
  const pollA = await one(
    `insert into polls (org_id, question, options, opens_on, closes_on, published_at)
     values ($1, 'Вопрос', '["Да","Нет"]', '2020-01-01', '2099-12-31', now()) returning id`,
    [orgA],
  );
  const surveyA = await one(
    `insert into surveys (org_id, title, questions, opens_on, closes_on)
     values ($1, 'Анкета', $2, '2020-01-01', '2099-12-31') returning id`,
    [
      orgA,
      JSON.stringify([
        {
          key: 'a1b2c3d4',
          type: 'short_text',
          text: 'Вопрос',
          required: false,
          options: [],
          rows: [],
          scaleMax: 5,
          showIf: null,
        },
      ]),
    ],
  );
  /** Parameters whose object differs by route (an :id is an appeal, an FAQ item, a publication…). */
  const byRoute: [RegExp, Record<string, string>][] = [
    [
      /^\/manage\/appeals\/faq\/:id/,
      { id: await one('select id from appeal_faq_items where org_id = $1 limit 1', [orgA]) },
    ],
    [
      /^\/manage\/appeals\/templates\/:id/,
      { id: await one('select id from appeal_answer_templates where org_id = $1 limit 1', [orgA]) },
    ],
    [
      /^\/manage\/appeals\/reviews\/:id/,
      { id: await one('select id from appeal_reviews where org_id = $1 limit 1', [orgA]) },
    ],
    [/^\/api\/v1\/plans\/:id/, { id: params.planId as string }],
    [
      /\/discussions\/:id/,
      {
        id: await one('select id from discussions where object_type = $1 and object_id = $2', [
          'topic',
          DEMO_DISCUSSIONS.minzdrav,
        ]),
        cid: await one(
          'select c.id from discussion_comments c join discussions d on d.id = c.discussion_id where d.object_id = $1 limit 1',
          [DEMO_DISCUSSIONS.minzdrav],
        ),
      },
    ],
    [/^\/manage\/monitoring\/criteria\/:code/, { code: '4.2-a' }],
    [/^\/api\/v1\/ratings\//, { organization: ORG_A }],
    [/^\/manage\/polls\/:id|^\/api\/v1\/polls\/:id/, { id: pollA }],
    [/^\/manage\/surveys\/:id/, { id: surveyA, key: 'a1b2c3d4' }],
    [/^\/manage\/expertise\/conclusions\/:id/, { id: conclusionA }],
    [
      /^\/manage\/practice\/:id/,
      { id: await one('select id from practice_cases where org_id = $1 limit 1', [orgA]) },
    ],
    [
      /^\/manage\/opendata\/proposals\/:id/,
      { id: await one('select id from dataset_proposals where org_id = $1 limit 1', [orgA]) },
    ],
    [/^\/manage\/outbox\/:id/, { id: await one('select id from outbox order by created_at limit 1') }],
    [
      /\/officials\/:id/,
      { id: await one('select id from responsible_officials where org_id = $1 limit 1', [orgA]) },
    ],
    [
      /\/declarations\/rows\/:id/,
      { id: await one('select id from income_declarations where org_id = $1 limit 1', [orgA]) },
    ],
    [/^\/manage\/users\/:id/, { id: victim.userId }],
    [/^\/manage\/drafts\/:id/, { id: draft.id }],
    [/^\/manage\/legislative-plan\/:id/, { id: planItem.id }],
    [/^\/cabinet\/tokens\/:id/, { id: token.row.id }],
    [/^\/manage\/calendar\/:year/, { year: '2026' }],
    [/^\/api\/(3\/)?action\/:name/, { name: 'package_list' }],
    // councils: body A's public council (demo), its first member, call, the citizen's application, a meeting, a decision
    [
      /^\/manage\/councils\/:id|^\/api\/v1\/councils\/:id/,
      {
        id: councilA,
        memberId: await one(
          'select id from council_members where council_id = $1 order by full_name limit 1',
          [councilA],
        ),
      },
    ],
    [/^\/manage\/councils\/calls\/:id/, { id: councilCall.id, applicationId: councilApplication.id }],
    [/^\/cabinet\/councils\/score\/:id/, { id: councilApplication.id }],
    [
      /^\/manage\/councils\/meetings\/:id/,
      {
        id: await one('select id from council_meetings where council_id = $1 order by starts_at limit 1', [
          councilA,
        ]),
      },
    ],
    [
      /^\/manage\/councils\/decisions\/:id/,
      { id: await one('select id from council_decisions where council_id = $1 limit 1', [councilA]) },
    ],
    [
      /^\/cabinet\/councils\/opinions\/:id/,
      { id: await one('select id from council_opinion_requests limit 1') },
    ],
    [
      /publications\/:id|documents\/:id|\/press\/:id/,
      { id: await one("select id from publications where org_id = $1 and kind = 'news' limit 1", [orgA]) },
    ],
    [
      /documents\/:id/,
      {
        id: await one("select id from publications where org_id = $1 and kind = 'document' limit 1", [orgA]),
      },
    ],
    [
      /^\/manage\/consultations\/:id/,
      {
        id: await one(
          'select c.id from consultations c where c.org_id = $1 and exists (select 1 from consultation_questions q where q.consultation_id = c.id) limit 1',
          [orgA],
        ),
        qid: await one(
          'select q.id from consultation_questions q join consultations c on c.id = q.consultation_id where c.org_id = $1 order by q.created_at limit 1',
          [orgA],
        ),
      },
    ],
    [
      /^\/manage\/chat\/:id/,
      { id: await one('select id from chat_conversations where org_id = $1 limit 1', [orgA]) },
    ],
    [
      /^\/manage\/groups\/:id/,
      {
        id: await one('select id from reference_groups where org_id = $1 limit 1', [orgA]),
        memberId: await one(
          'select m.id from reference_group_members m join reference_groups g on g.id = m.group_id where g.org_id = $1 limit 1',
          [orgA],
        ),
      },
    ],
  ];

  /** The route's URL with its parameters filled for body A. */
  function fill(route: string): string {
    let vals = { ...params };
    for (const [re, v] of byRoute) if (re.test(route)) vals = { ...vals, ...v };
    return route.replace(/:([A-Za-z]+)|\*/g, (m, p: string | undefined) =>
      encodeURIComponent(vals[p ?? m] ?? randomUUID()),
    );
  }

  return { t, routes, agents, citizen, appeal, report, token: token.token, fill, params };
}
