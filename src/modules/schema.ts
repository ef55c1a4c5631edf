/*
 * Every table of the app, for drizzle's typed relational queries
 * (`db.query.<table>`). The platform imports no module, so its Db type cannot
 * name these tables itself: this file, part of the composition root beside
 * index.ts, gathers the platform's and the modules' tables and fills the
 * platform's `AppSchema` by declaration merging; the runtime passes the same
 * namespace (`import * as schema`) to createDb. A new module adds its
 * *.tables.ts here. (drizzle-kit finds tables by its own glob: drizzle.config.ts.)
 */
export * from '../platform/audit/audit.tables.ts';
export * from '../platform/db/settings.tables.ts';
export * from '../platform/files/files.tables.ts';
export * from '../platform/http/rate-limits.tables.ts';
export * from '../platform/mail/mail.tables.ts';
export * from '../platform/search/search.tables.ts';
export * from './accounts/accounts.tables.ts';
export * from './appeals/appeals.tables.ts';
export * from './councils/councils.tables.ts';
export * from './drafts/drafts.tables.ts';
export * from './drafts/expertise/expertise.tables.ts';
export * from './drafts/practice/practice.tables.ts';
export * from './monitoring/monitoring.tables.ts';
export * from './opendata/opendata.tables.ts';
export * from './orgs/orgs.tables.ts';
export * from './participation/consult/consult.tables.ts';
export * from './participation/discussions/discussions.tables.ts';
export * from './participation/groups/groups.tables.ts';
export * from './participation/polls/polls.tables.ts';
export * from './plans/plans.tables.ts';
export * from './publications/publications.tables.ts';

type Tables = typeof import('./schema.ts');
declare module '../platform/db/client.ts' {
  interface AppSchema extends Tables {}
}
