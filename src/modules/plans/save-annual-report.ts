import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import type { OrgRow } from '../orgs/index.ts';
import { buildAnnualReportData, draftReportText } from './annual-report.ts';
import type { CampaignInput, ReportInput } from './plans.input.ts';
import { plansPolicy } from './plans.policy.ts';
import { plansRepository as repo } from './plans.repository.ts';
import { indexReport } from './plans.search.ts';

/** Save the annual report's text and co-report as staff edited them; publish or withdraw it. Audited. */
export async function saveAnnualReport(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { org: OrgRow; year: number; report: ReportInput },
): Promise<void> {
  authorize(plansPolicy.canCreate(origin.actor, input.org.id));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const current = await repo.report(tx, input.org.id, input.year);
    const { action, textRu, coReportRu } = input.report;
    const publishedAt =
      action === 'publish'
        ? (current?.publishedAt ?? now)
        : action === 'unpublish'
          ? null
          : (current?.publishedAt ?? null);
    await repo.upsertReport(tx, {
      orgId: input.org.id,
      year: input.year,
      textRu,
      coReportRu,
      campaignLinks: current?.campaignLinks ?? [],
      publishedAt,
    });
    await indexReport(tx, input.org.id, input.year);
    await recordAction(tx, {
      ...origin,
      action: `plan_report.${action}`,
      objectType: 'plan_report',
      objectId: `${input.org.id}:${input.year}`,
      orgId: input.org.id,
      details: { year: input.year },
    });
  });
}

/**
 * Save the media campaign of a reporting period (task 5.5): the news and events
 * about the plan's results. Before the report is written its text starts as the
 * one generated from the plans.
 */
export async function saveMediaCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { org: OrgRow; year: number; campaign: CampaignInput },
): Promise<void> {
  authorize(plansPolicy.canCreate(origin.actor, input.org.id));
  await deps.db.transaction(async (tx) => {
    const current = await repo.report(tx, input.org.id, input.year);
    const textRu =
      current?.textRu ??
      draftReportText(
        await buildAnnualReportData(
          { db: tx as unknown as Deps['db'] },
          input.org,
          input.year,
          toLocalDate(deps.clock.now()),
        ),
      );
    await repo.upsertReport(tx, {
      orgId: input.org.id,
      year: input.year,
      textRu,
      coReportRu: current?.coReportRu ?? null,
      campaignLinks: input.campaign.campaignLinks,
      publishedAt: current?.publishedAt ?? null,
    });
    await recordAction(tx, {
      ...origin,
      action: 'plan_report.campaign',
      objectType: 'plan_report',
      objectId: `${input.org.id}:${input.year}`,
      orgId: input.org.id,
      details: { year: input.year, entries: input.campaign.campaignLinks.length },
    });
  });
}
