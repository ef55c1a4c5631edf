import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { getObstructionFigures, type ObstructionFigures } from '../appeals/index.ts';
import { type CouncilConclusion, conclusionsOn } from '../councils/index.ts';
import { findOrganizationBySlug, findOrganizationsByIds, type OrgRow } from '../orgs/index.ts';
import { type AnnualReportData, buildAnnualReportData, draftReportText } from './annual-report.ts';
import { plansPolicy } from './plans.policy.ts';
import { type ReportRow, plansRepository as repo } from './plans.repository.ts';

export type AnnualReportPage = {
  data: AnnualReportData;
  report: ReportRow;
  /** the public council's co-reports published on the councils' side about this report */
  councilCoReports: CouncilConclusion[];
  /** concept task 6.5: complaints of obstructed public control about the body's officials that year (suppressed) */
  obstruction: ObstructionFigures;
};

/** The address of a body's report for a year: councils address their co-report to it. */
export const reportPath = (slug: string, year: number) => `/orgs/${slug}/reports/${year}`;

/** A year from the address, or a 404. */
export function yearOf(raw: string): number {
  const y = Number(raw);
  if (!/^\d{4}$/.test(raw) || y < 2000 || y > 2100) throw new NotFound('report');
  return y;
}

async function orgOr404(deps: Pick<Deps, 'db'>, slug: string): Promise<OrgRow> {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new NotFound('organization');
  return org;
}

/** A body's reports: the published ones, and the years with a media campaign (public list). */
export async function listOrgReports(
  deps: Pick<Deps, 'db'>,
  slug: string,
): Promise<{ org: OrgRow; reports: ReportRow[] }> {
  const org = await orgOr404(deps, slug);
  const reports = (await repo.reportsOf(deps.db, org.id)).filter(
    (r) => r.publishedAt || r.campaignLinks.length > 0,
  );
  return { org, reports };
}

/**
 * A published annual report (task 6.4) with its figures generated from the
 * plans and the council's co-report; staff of the body also see it unpublished.
 */
export async function getAnnualReport(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { slug: string; year: number },
): Promise<AnnualReportPage> {
  const org = await orgOr404(deps, input.slug);
  const report = await repo.report(deps.db, org.id, input.year);
  if (!report) throw new NotFound('report');
  authorize(report.publishedAt !== null || plansPolicy.canCreate(actor, org.id), true);
  const [data, conclusions, [obstruction]] = await Promise.all([
    buildAnnualReportData(deps, org, input.year, toLocalDate(deps.clock.now())),
    conclusionsOn(deps.db, reportPath(org.slug, input.year)),
    getObstructionFigures(deps, { years: [input.year], complainedOrgId: org.id }),
  ]);
  return {
    data,
    report,
    councilCoReports: conclusions.filter((c) => c.kind === 'co_report'),
    obstruction: obstruction as ObstructionFigures,
  };
}

/** The media campaign of a reporting period (task 5.5): public once it has an entry. */
export async function getMediaCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { slug: string; year: number },
): Promise<{ data: AnnualReportData; report: ReportRow }> {
  const org = await orgOr404(deps, input.slug);
  const report = await repo.report(deps.db, org.id, input.year);
  if (!report || report.campaignLinks.length === 0) throw new NotFound('campaign');
  const data = await buildAnnualReportData(deps, org, input.year, toLocalDate(deps.clock.now()));
  return { data, report };
}

/** The report of a year as staff edit it: the saved row, or the text generated from the plans to start from. */
export async function getReportForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { slug: string; year: number },
): Promise<{ data: AnnualReportData; report: ReportRow | undefined; draftText: string }> {
  const org = await orgOr404(deps, input.slug);
  authorize(plansPolicy.canCreate(actor, org.id));
  const [data, report] = await Promise.all([
    buildAnnualReportData(deps, org, input.year, toLocalDate(deps.clock.now())),
    repo.report(deps.db, org.id, input.year),
  ]);
  return { data, report, draftText: draftReportText(data) };
}

/**
 * The reports staff may write: for each body they keep, every year of its
 * plans up to the current one, with the saved report of that year if any.
 */
export async function listReportsForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<{ org: OrgRow; year: number; report: ReportRow | undefined }[]> {
  authorize(plansPolicy.canManageAny(actor));
  const ids = plansPolicy.managedOrgIds(actor);
  const plans = (await repo.plansOf(deps.db, ids)).filter((p) => !p.isTemplate);
  const orgIds = [...new Set(plans.map((p) => p.orgId))];
  const [orgs, reports] = await Promise.all([
    findOrganizationsByIds(deps.db, orgIds),
    repo.reportsOfOrgs(deps.db, orgIds),
  ]);
  const thisYear = Number(toLocalDate(deps.clock.now()).slice(0, 4));
  const rows: { org: OrgRow; year: number; report: ReportRow | undefined }[] = [];
  for (const org of orgs.sort((a, b) => a.nameRu.localeCompare(b.nameRu, 'ru'))) {
    const own = plans.filter((p) => p.orgId === org.id);
    const years = new Set<number>();
    for (const p of own) for (let y = p.periodStart; y <= Math.min(p.periodEnd, thisYear); y++) years.add(y);
    for (const r of reports) if (r.orgId === org.id) years.add(r.year);
    for (const year of [...years].sort((a, b) => b - a))
      rows.push({ org, year, report: reports.find((r) => r.orgId === org.id && r.year === year) });
  }
  return rows;
}
