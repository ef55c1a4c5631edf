import type { FastifyInstance } from 'fastify';
import { REGION_TZ } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { registerCabinetSection } from '../../platform/ui/cabinet-sections.ts';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { councilsApi } from './api/index.ts';
import { councilsPolicy } from './councils.policy.ts';
import { councilsRepository as repo } from './councils.repository.ts';
import { councilsSearch } from './councils.search.ts';
import { isCurrent, summariseAssessments } from './get-council-page.ts';
import { councilsMessages } from './messages.ts';
import { REMINDERS_QUEUE, sendMeetingReminders } from './send-meeting-reminders.ts';
import { councilsWeb } from './web/index.ts';

export { DEMO_COUNCILS, registerCouncilSections, seedDemoCouncils } from './seed-demo-councils.ts';

registerManageSection({
  key: 'councils',
  href: '/manage/councils',
  titleKey: 'councils.manage.section',
  descriptionKey: 'councils.manage.sectionDescription',
  order: 50,
  visible: councilsPolicy.canOpenManage,
});

registerCabinetSection({
  key: 'councils',
  href: '/cabinet/councils',
  titleKey: 'councils.cabinet.title',
  descriptionKey: 'councils.cabinet.description',
  order: 40,
});

/** A council's conclusion as other modules show it on their cards (drafts, plans, reports). */
export type CouncilConclusion = {
  id: string;
  councilName: string;
  kind: 'conclusion' | 'co_report';
  year: number;
  text: string;
  publishedAt: Date;
  url: string;
};

/**
 * The councils' conclusions on an object, by the object's address on the portal
 * (e.g. `/orgs/minzdrav/drafts/<id>`): the drafts and plans modules show them on
 * their cards (tasks 1.2, 1.4).
 */
export async function conclusionsOn(
  db: DbOrTx,
  subjectUrl: string | readonly string[],
): Promise<CouncilConclusion[]> {
  return (await repo.conclusionsOnSubject(db, subjectUrl)).map((c) => ({
    id: c.id,
    councilName: c.councilName,
    kind: c.kind as 'conclusion' | 'co_report',
    year: c.year,
    text: c.textRu,
    publishedAt: c.publishedAt,
    url: `/councils/conclusions/${c.id}`,
  }));
}

/**
 * The independent assessment's figures of every council (task 1.5), for the
 * monitoring module's ratings: per council and year, the experts' mean (1–5)
 * and the council's self-assessment.
 */
export async function councilAssessmentFigures(db: DbOrTx): Promise<
  {
    councilId: string;
    orgId: string;
    year: number;
    experts: number;
    expertIndex: number | null;
    selfIndex: number | null;
  }[]
> {
  const out = [];
  for (const c of await repo.listCouncils(db))
    for (const s of summariseAssessments(await repo.assessmentsOf(db, c.id)))
      out.push({
        councilId: c.id,
        orgId: c.orgId,
        year: s.year,
        experts: s.experts,
        expertIndex: s.expertIndex,
        selfIndex: s.selfIndex,
      });
  return out;
}

/**
 * The current members of every council on a day, with the fields its public
 * page shows (name, position, whom they represent, term): the open-data
 * register publishes them (task 10.4). No account, contact or end reason.
 */
export async function listPublicCouncilMembers(
  db: DbOrTx,
  today: string,
): Promise<
  {
    councilId: string;
    councilName: string;
    councilKind: string;
    orgId: string;
    fullName: string;
    position: string;
    affiliation: string | null;
    termStart: string;
    termEnd: string | null;
  }[]
> {
  const out = [];
  for (const c of await repo.listCouncils(db))
    for (const m of (await repo.membersOf(db, c.id)).filter((x) => isCurrent(x, today)))
      out.push({
        councilId: c.id,
        councilName: c.nameRu,
        councilKind: c.kind,
        orgId: c.orgId,
        fullName: m.fullName,
        position: m.position,
        affiliation: m.affiliation,
        termStart: m.termStart,
        termEnd: m.termEnd,
      });
  return out;
}

/** The meeting reminders, hourly (pg-boss). */
async function councilsWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work(REMINDERS_QUEUE, async () => {
    await sendMeetingReminders(deps);
  });
  await deps.jobs.boss.schedule(REMINDERS_QUEUE, '5 * * * *', {}, { tz: REGION_TZ });
}

/** Public URLs for the sitemap: the list, the pool, every council, call, meeting and conclusion. */
async function councilsSitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const urls = ['/councils', '/councils/pool'];
  for (const c of await repo.listCouncils(db)) {
    urls.push(`/councils/${c.id}`);
    for (const m of await repo.meetingsOf(db, c.id)) urls.push(`/councils/meetings/${m.id}`);
    for (const k of await repo.callsOf(db, c.id)) urls.push(`/councils/calls/${k.id}`);
  }
  for (const c of await repo.allConclusions(db)) urls.push(`/councils/conclusions/${c.id}`);
  return urls;
}

/** Public councils, the expert council and pool, the commission, the project office (concept 1, section V). */
export const councilsModule: ModuleManifest = {
  name: 'councils',
  messages: councilsMessages,
  web: councilsWeb,
  api: councilsApi,
  sitemap: councilsSitemap,
  search: councilsSearch,
  workers: councilsWorkers,
};
