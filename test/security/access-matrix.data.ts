import type { MatrixRole } from './access-fixtures.ts';

/**
 * The access matrix (issue 9): for every route under /manage, /cabinet and
 * /api, who may use it. `access-matrix.http.test.ts` asks the real app as each
 * role of `matrixRoles` and fails for a route with no row here, so a new
 * module's routes must be added (with the objects they act on in
 * access-fixtures.ts).
 *
 * Each route acts on objects of body A (minzdrav): the citizen's appeal, A's
 * FAQ item, review, official, publication, declaration row, staff A's account.
 *
 * - `allow`: the roles that get through ('all' includes anonymous, 'signed-in'
 *   every role but anonymous). A GET they make answers 2xx or 3xx (not to sign-in);
 *   a POST (an empty form with a valid CSRF token, or `{}` as JSON for /api)
 *   answers anything but 401/403/404/5xx: a validation error is fine.
 * - `deny`: what every other signed-in role gets: 403 (forbidden: the object
 *   is public, e.g. an organisation) or 404 (a private object one may not know
 *   exists: an appeal, another's token), or 422 where a form field names the
 *   object and says «not found» as it does for one that does not exist. Default 403.
 *   Under /manage a citizen (no role at all) always gets 403: the staff area is
 *   closed to them before any object is looked up, so it tells them nothing about it.
 * - `anonymous`: what a visitor without a session gets when not allowed:
 *   'sign-in' (303 to /sign-in) for pages, 401 or 404 for the API. Default 'sign-in'.
 * - `once`: the route deletes its object, so the first allowed role succeeds
 *   and the allowed roles after it see 404.
 * - `query`: appended to the URL; `{number}` is the appeal's number.
 * - `gap`: an answer the app gives today that issue 9 says is wrong, being
 *   fixed by another engineer; accepted besides the right one until then.
 */
export type AccessRow = {
  allow: readonly MatrixRole[] | 'all' | 'signed-in';
  deny?: 403 | 404 | 422;
  anonymous?: 'sign-in' | 401 | 404;
  once?: true;
  query?: string;
  gap?: { anonymous: number; why: string };
};

const STAFF_A_EDITORS = ['staffA', 'head', 'projectOffice', 'admin'] as const;
const APPEAL_WORKERS_A = ['staffA', 'head', 'signer', 'admin'] as const;
const FAQ_STAFF = ['staffA', 'staffB', 'head', 'admin'] as const;
const FAQ_STAFF_A = ['staffA', 'head', 'admin'] as const;
const ANY_STAFF = [
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
/** who keeps plans anywhere (the list, a new plan) and who works on body A's plans */
const PLAN_STAFF = ['staffA', 'staffB', 'head', 'projectOffice', 'admin'] as const;
const PLAN_STAFF_A = ['staffA', 'head', 'projectOffice', 'admin'] as const;
const DISCUSSION_MODERATORS_A = ['staffA', 'head', 'moderator', 'admin'] as const;
const DISCUSSION_RUNNERS_A = ['staffA', 'head', 'admin'] as const;
const STEWARDS = ['staffA', 'staffB', 'admin'] as const;
const STEWARDS_A = ['staffA', 'admin'] as const;
/** who opens /manage/councils: council secretaries, heads and editors of any body, the project office, admins */
const COUNCIL_STAFF = ['staffA', 'staffB', 'head', 'projectOffice', 'admin'] as const;
/** who opens /manage/monitoring: bodies' editors and heads (self-assessment), experts, the project office, admins */
const MONITORING_STAFF = ['staffA', 'staffB', 'head', 'expert', 'projectOffice', 'admin'] as const;
/** who runs monitoring: the methodology, cycles, experts' assignments, the rating */
const MONITORING_RUNNERS = ['projectOffice', 'admin'] as const;
/** who reads and fills body A's self-assessment (the project office reads and returns it) */
const SELF_A = ['staffA', 'head', 'projectOffice', 'admin'] as const;
const PUBLIC: AccessRow = { allow: 'all' };
const ADMIN: AccessRow = { allow: ['admin'] };

export const accessMatrix: Record<string, AccessRow> = {
  // monitoring (issue 17): :year is 2025 (the demo's published cycle), :slug body A, :code a criterion;
  // an expert's form is only the assigned expert's (none of the matrix roles): 404 to everyone else
  'GET /manage/monitoring': { allow: MONITORING_STAFF },
  'GET /manage/monitoring/diagnostic/:slug': { allow: SELF_A },
  'GET /manage/monitoring/methodology': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/methodology/activate': { allow: MONITORING_RUNNERS },
  'GET /manage/monitoring/criteria/:code': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/criteria/:code': { allow: MONITORING_RUNNERS },
  'GET /manage/monitoring/cycles/new': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/cycles/new': { allow: MONITORING_RUNNERS },
  'GET /manage/monitoring/cycles/:year': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/cycles/:year/freeze': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/cycles/:year/publish': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/cycles/:year/assign': { allow: MONITORING_RUNNERS },
  'POST /manage/monitoring/cycles/:year/reconcile': { allow: MONITORING_RUNNERS },
  'GET /manage/monitoring/cycles/:year/self/:slug': { allow: SELF_A },
  'POST /manage/monitoring/cycles/:year/self/:slug': { allow: SELF_A },
  'POST /manage/monitoring/cycles/:year/self/:slug/return': { allow: MONITORING_RUNNERS },
  'GET /manage/monitoring/cycles/:year/expert/:slug': { allow: [], deny: 404 },
  'POST /manage/monitoring/cycles/:year/expert/:slug': { allow: [], deny: 404 },
  // plans (issue 15): :planId is body A's plan in discussion, :itemId its indicator
  'GET /manage/plans': { allow: PLAN_STAFF },
  'GET /manage/plans/new': { allow: PLAN_STAFF },
  'POST /manage/plans/new': { allow: PLAN_STAFF },
  'GET /manage/plans/:planId': { allow: PLAN_STAFF_A },
  'POST /manage/plans/:planId/step': { allow: PLAN_STAFF_A },
  'POST /manage/plans/:planId/new-version': { allow: PLAN_STAFF_A },
  'GET /manage/plans/:planId/items/new': { allow: PLAN_STAFF_A },
  'POST /manage/plans/:planId/items/new': { allow: PLAN_STAFF_A },
  'GET /manage/plans/:planId/items/:itemId': { allow: PLAN_STAFF_A },
  'POST /manage/plans/:planId/items/:itemId': { allow: PLAN_STAFF_A },
  'POST /manage/plans/:planId/items/:itemId/targets': { allow: PLAN_STAFF_A },
  'POST /manage/plans/:planId/items/:itemId/actuals': { allow: PLAN_STAFF_A },
  // annual reports and media campaigns: body A's report for :year
  'GET /manage/plans/reports': { allow: PLAN_STAFF },
  'GET /manage/plans/reports/:slug/:year': { allow: PLAN_STAFF_A },
  'POST /manage/plans/reports/:slug/:year': { allow: PLAN_STAFF_A },
  'POST /manage/plans/reports/:slug/:year/campaign': { allow: PLAN_STAFF_A },
  // platform
  'GET /manage/audit': ADMIN,
  'GET /manage/outbox': ADMIN,
  'GET /manage/outbox/:id': ADMIN,
  'GET /manage/calendar': ADMIN,
  'GET /manage/calendar/:year': ADMIN,
  'POST /manage/calendar/:year': ADMIN,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/static/index.html': PUBLIC,
  'GET /api/docs/static/swagger-initializer.js': PUBLIC,
  'GET /api/docs/static/*': PUBLIC,
  'GET /api/docs/json': PUBLIC,
  'GET /api/docs/yaml': PUBLIC,

  // accounts
  'GET /manage': { allow: ANY_STAFF },
  'GET /cabinet': { allow: 'signed-in' },
  'GET /cabinet/name': { allow: 'signed-in' },
  'POST /cabinet/name': { allow: 'signed-in' },
  'GET /cabinet/position': { allow: 'signed-in' },
  'POST /cabinet/position': { allow: ANY_STAFF },
  'GET /cabinet/password': { allow: 'signed-in' },
  'POST /cabinet/password': { allow: 'signed-in' },
  'GET /cabinet/tokens': { allow: 'signed-in' },
  'POST /cabinet/tokens': { allow: 'signed-in' },
  'POST /cabinet/tokens/:id/revoke': { allow: ['citizen'], deny: 404 },
  'GET /manage/users': ADMIN,
  'GET /manage/users/:id': ADMIN,
  'POST /manage/users/:id/roles': ADMIN,
  'POST /manage/users/:id/position': ADMIN,
  'POST /manage/users/:id/roles/:assignmentId/revoke': { allow: ['admin'], once: true },
  'GET /api/v1/me': PUBLIC,

  // orgs: organisations are public, so another body's staff get 403
  'GET /manage/orgs': { allow: ANY_STAFF },
  'GET /manage/orgs/:slug': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/officials/new': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/officials/new': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/officials/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/officials/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/officials/:id/remove': { allow: STAFF_A_EDITORS, once: true },
  'GET /api/v1/organizations': PUBLIC,
  'GET /api/v1/ratings/:year': PUBLIC,
  'GET /api/v1/ratings/:year/:organization': PUBLIC,
  'GET /api/v1/plans': PUBLIC,
  'GET /api/v1/plans/:id': PUBLIC,
  'GET /api/v1/plans/:id/items/:itemId': PUBLIC,
  'GET /api/v1/organizations/:slug': PUBLIC,

  // law-enforcement practice (drafts, 7.6)
  'GET /manage/practice': { allow: ANY_STAFF },
  'GET /manage/orgs/:slug/practice': { allow: FAQ_STAFF_A },
  'POST /manage/practice/:id/comment': { allow: FAQ_STAFF_A },
  'POST /manage/practice/:id/refer': { allow: FAQ_STAFF_A },

  // anti-corruption expertise (drafts, 7.5)
  'GET /manage/expertise/experts': { allow: ['projectOffice', 'admin'] },
  'POST /manage/expertise/experts': { allow: ['projectOffice', 'admin'] },
  'POST /manage/expertise/conclusions/:id/answer': { allow: FAQ_STAFF_A },

  // publications
  'GET /manage/publications': { allow: ANY_STAFF },
  'GET /manage/orgs/:slug/publications': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/publications/new': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/publications/new': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/publications/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/publications/:id': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/publications/documents/new': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/publications/documents/new': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/publications/documents/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/publications/documents/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/publications/documents/:id/files': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/publications/sections/:key': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/publications/sections/:key': { allow: STAFF_A_EDITORS },
  // drafts: the legislative plan and draft regulations (issue 13)
  'GET /manage/drafts': { allow: ANY_STAFF },
  'GET /manage/orgs/:slug/drafts': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/drafts/new': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/drafts/new': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/legislative-plan/new': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/legislative-plan/new': { allow: STAFF_A_EDITORS },
  'GET /manage/legislative-plan/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/legislative-plan/:id': { allow: STAFF_A_EDITORS },
  'GET /manage/drafts/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/text': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/discussion': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/close-discussion': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/close-expertise': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/decision': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/council': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/links': { allow: STAFF_A_EDITORS },
  'POST /manage/drafts/:id/publish-summary': { allow: STAFF_A_EDITORS },
  // the fixture's draft has no proposal (its discussion never opened), so the :commentId is unknown: 404 for
  // everyone; drafts.http.test.ts covers the allowed path (staff of the body set a position)
  'GET /manage/drafts/:id/proposals/:commentId': { allow: [], deny: 404 },
  'POST /manage/drafts/:id/proposals/:commentId': { allow: [], deny: 404 },
  'GET /manage/orgs/:slug/declarations': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/declarations': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/declarations/:year/publication': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/declarations/:year/publication': { allow: STAFF_A_EDITORS },
  'GET /manage/orgs/:slug/declarations/declarants/:declarantId/tenure': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/declarations/declarants/:declarantId/tenure': { allow: STAFF_A_EDITORS },
  'POST /manage/orgs/:slug/declarations/rows/:id/remove': { allow: STAFF_A_EDITORS, once: true },
  'GET /api/v1/transparency/verify': PUBLIC,
  'GET /api/v1/organizations/:slug/documents': PUBLIC,
  'GET /api/v1/documents/:id': PUBLIC,
  'GET /api/v1/search': PUBLIC,

  // councils: body A's public council; staff of B get 403; an expert council member scores (no matrix role is one)
  'GET /cabinet/councils': { allow: 'signed-in' },
  'GET /cabinet/councils/score/:id': { allow: [] },
  'POST /cabinet/councils/score/:id': { allow: [] },
  'GET /cabinet/councils/opinions/:id': { allow: [], deny: 404 },
  'POST /cabinet/councils/opinions/:id': { allow: [], deny: 404 },
  'GET /manage/councils': { allow: COUNCIL_STAFF },
  'GET /manage/councils/new': { allow: COUNCIL_STAFF },
  'POST /manage/councils/new': { allow: COUNCIL_STAFF },
  'GET /manage/councils/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/members/new': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/members/new': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/members/:memberId/end': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/members/:memberId/end': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/calls/new': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/calls/new': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/meetings/new': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/meetings/new': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/conclusions/new': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/conclusions/new': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/opinions/new': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/opinions/new': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/:id/assessment': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/:id/assessment': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/calls/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/calls/:id/applications/:applicationId/check': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/calls/:id/publish': { allow: STAFF_A_EDITORS },
  'GET /manage/councils/meetings/:id': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/meetings/:id/protocol': { allow: STAFF_A_EDITORS },
  'POST /manage/councils/decisions/:id/report': { allow: STAFF_A_EDITORS },
  'GET /api/v1/councils': PUBLIC,
  'GET /api/v1/councils/:id': PUBLIC,

  // appeals: the citizen's side (another's appeal is 404)
  'GET /cabinet/appeals': { allow: 'signed-in' },
  'GET /cabinet/appeals/:number': { allow: ['citizen'], deny: 404 },
  'POST /cabinet/appeals/:number/rating': { allow: ['citizen'], deny: 404 },
  'GET /cabinet/appeals/:number/withdraw': { allow: ['citizen'], deny: 404 },
  'POST /cabinet/appeals/:number/withdraw': { allow: ['citizen'], deny: 404 },
  'GET /cabinet/appeals/:number/dispute': { allow: ['citizen'], deny: 404 },
  'POST /cabinet/appeals/:number/dispute': { allow: ['citizen'], deny: 404 },
  'POST /cabinet/appeals/:number/archive-consent': { allow: ['citizen'], deny: 404 },
  'POST /cabinet/appeals/:number/consent/withdraw': { allow: ['citizen'], deny: 404 },
  'GET /cabinet/appeals/:number/files/:fileId': { allow: ['citizen'], deny: 404 },
  'GET /cabinet/appeals/:number/receipt.pdf': { allow: ['citizen'], deny: 404 },
  'POST /api/v1/appeals': {
    allow: 'signed-in',
    anonymous: 401,
  },
  'GET /api/v1/appeals/:number': { allow: ['citizen'], deny: 404, anonymous: 404 },

  // appeals: staff (an appeal of body A is 404 to everyone else, the anti-corruption officer included)
  'GET /manage/appeals': { allow: ['staffA', 'staffB', 'head', 'signer', 'anticorruption', 'admin'] },
  'POST /manage/appeals/assign': { allow: ['staffA', 'staffB', 'head', 'signer', 'anticorruption', 'admin'] },
  'GET /manage/appeals/report': { allow: ['staffA', 'staffB', 'head', 'signer', 'admin'] },
  'GET /manage/appeals/:id': { allow: APPEAL_WORKERS_A, deny: 404 },
  'GET /manage/appeals/:id/files/:fileId': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/assign': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/comment': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/classify': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/forward': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/extend': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/answer': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/draft': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/leave': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/return': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/media-delay': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/:id/template': { allow: APPEAL_WORKERS_A, deny: 404 },
  // the deadline settings (legal terms): administrators only
  'GET /manage/appeals/deadlines': ADMIN,
  'POST /manage/appeals/deadlines': ADMIN,
  'GET /manage/appeals/templates': { allow: ['staffA', 'staffB', 'head', 'signer', 'admin'] },
  'GET /manage/appeals/templates/new': { allow: ['staffA', 'staffB', 'head', 'signer', 'admin'] },
  'POST /manage/appeals/templates/new': { allow: ['staffA', 'staffB', 'head', 'signer', 'admin'] },
  'GET /manage/appeals/templates/:id': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/templates/:id': { allow: APPEAL_WORKERS_A, deny: 404 },
  'POST /manage/appeals/templates/:id/delete': { allow: APPEAL_WORKERS_A, deny: 404, once: true },

  // appeals: public side managed by staff (FAQ and quarterly reviews of their own body)
  // participation: discussions (moderators everywhere; a body's editors and head in its own)
  'GET /manage/discussions': { allow: ['staffA', 'staffB', 'head', 'moderator', 'admin'] },
  'GET /manage/discussions/:id/comments/:cid': { allow: DISCUSSION_MODERATORS_A, deny: 404 },
  'POST /manage/discussions/:id/comments/:cid/approve': { allow: DISCUSSION_MODERATORS_A, deny: 404 },
  'POST /manage/discussions/:id/comments/:cid/hide': { allow: DISCUSSION_MODERATORS_A, deny: 404 },
  'POST /manage/discussions/:id/comments/:cid/ban': { allow: DISCUSSION_MODERATORS_A, deny: 404 },
  'GET /manage/discussions/:id/outcome': { allow: DISCUSSION_RUNNERS_A },
  'POST /manage/discussions/:id/outcome': { allow: DISCUSSION_RUNNERS_A },
  'GET /manage/orgs/:slug/discussions/new': { allow: DISCUSSION_RUNNERS_A },
  'POST /manage/orgs/:slug/discussions/new': { allow: DISCUSSION_RUNNERS_A },
  'GET /manage/appeals/faq': { allow: FAQ_STAFF },
  'GET /manage/appeals/archive': { allow: FAQ_STAFF },
  'GET /manage/appeals/archive/:number': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/archive/:number': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/appeals/faq/new': { allow: FAQ_STAFF },
  'POST /manage/appeals/faq/new': { allow: FAQ_STAFF },
  'GET /manage/appeals/faq/from-appeal': { allow: FAQ_STAFF },
  // the number is a form field: «no such appeal» (422) to whoever may not see it, as for an unknown number
  'POST /manage/appeals/faq/from-appeal': { allow: FAQ_STAFF_A, deny: 422, query: '?number={number}' },
  'GET /manage/appeals/faq/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/faq/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/faq/:id/publish': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/faq/:id/unpublish': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/faq/:id/delete': { allow: FAQ_STAFF_A, deny: 404, once: true },
  'GET /manage/appeals/reviews': { allow: FAQ_STAFF },
  'POST /manage/appeals/reviews': { allow: FAQ_STAFF },
  'GET /manage/appeals/reviews/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/reviews/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/reviews/:id/publish': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/appeals/reviews/:id/unpublish': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /api/v1/discussions': PUBLIC,
  'GET /api/v1/discussions/:id': PUBLIC,
  'GET /api/v1/appeals/stats': PUBLIC,
  'GET /api/v1/appeals/faq': { allow: 'all', query: '?org=minzdrav' },
  // participation: polls and surveys (issue 12), run by editors, heads and data stewards of their body
  'GET /manage/polls': { allow: ANY_STAFF },
  'GET /manage/polls/new': { allow: FAQ_STAFF, deny: 404 },
  'POST /manage/polls/new': { allow: FAQ_STAFF, deny: 404 },
  'GET /manage/polls/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/polls/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/surveys': { allow: ANY_STAFF },
  'GET /manage/surveys/new': { allow: FAQ_STAFF, deny: 404 },
  'POST /manage/surveys/new': { allow: FAQ_STAFF, deny: 404 },
  'GET /manage/surveys/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/surveys/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/surveys/:id/questions': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/surveys/:id/questions/:key/delete': { allow: FAQ_STAFF_A, deny: 404, once: true },
  'GET /manage/surveys/:id/answers.csv': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/surveys/:id/answers.xlsx': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /api/v1/polls': PUBLIC,
  'GET /api/v1/polls/:id': PUBLIC,
  'POST /api/v1/polls/:id/votes': { allow: 'signed-in', anonymous: 401 },

  // participation: consultations, the consultant chat, reference groups
  'GET /manage/consultations': { allow: FAQ_STAFF },
  'GET /manage/consultations/new': { allow: FAQ_STAFF },
  'POST /manage/consultations/new': { allow: FAQ_STAFF },
  'GET /manage/consultations/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/consultations/:id/questions/:qid': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/consultations/:id/questions/:qid': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/consultations/:id/questions/:qid/hide': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/chat': { allow: FAQ_STAFF },
  'GET /manage/chat/hours/:slug': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/chat/hours/:slug': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/chat/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/chat/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/chat/:id/close': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /manage/groups': { allow: FAQ_STAFF },
  'GET /manage/groups/new': { allow: FAQ_STAFF },
  'POST /manage/groups/new': { allow: FAQ_STAFF },
  'GET /manage/groups/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/groups/:id': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/groups/:id/members/:memberId': { allow: FAQ_STAFF_A, deny: 404 },
  'POST /manage/groups/:id/refer': { allow: FAQ_STAFF_A, deny: 404 },
  'GET /cabinet/groups': { allow: 'signed-in' },

  // open data: a body's data steward keeps its datasets (staffA and staffB are stewards of their bodies)
  'GET /manage/opendata': { allow: STEWARDS },
  'GET /manage/opendata/new': { allow: STEWARDS },
  'POST /manage/opendata/new': { allow: STEWARDS },
  'GET /manage/opendata/:identifier': { allow: STEWARDS_A },
  'POST /manage/opendata/:identifier/upload': { allow: STEWARDS_A },
  'POST /manage/opendata/:identifier/structure': { allow: STEWARDS_A },
  'GET /manage/opendata/inventory/:slug': { allow: STEWARDS_A },
  'POST /manage/opendata/inventory/:slug': { allow: STEWARDS_A },
  // citizens' proposals of datasets (10.3): the body's steward or the region's coordinator answers; :id body A's
  'GET /manage/opendata/proposals': { allow: [...STEWARDS, 'projectOffice'] },
  'GET /manage/opendata/proposals/:id': { allow: [...STEWARDS_A, 'projectOffice'] },
  'POST /manage/opendata/proposals/:id': { allow: [...STEWARDS_A, 'projectOffice'] },
  // the CKAN-compatible API reads only; its clients POST JSON to read, without signing in
  'GET /api/3/action/:name': PUBLIC,
  'POST /api/3/action/:name': PUBLIC,
  'GET /api/action/:name': PUBLIC,
  'POST /api/action/:name': PUBLIC,
  'GET /api/util/status': PUBLIC,
  'GET /api/v1/datasets/:identifier/rows': PUBLIC,
};
