import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { ProductionCalendar } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { markOrgSectionFilled, type OrgRow } from '../orgs/index.ts';
import type { DeclarationInput } from './declarations.input.ts';
import { indexAllDeclarations, indexDeclarations } from './declarations.search.ts';
import { orgBySlug } from './find-org.ts';
import { canPublish } from './publications.policy.ts';
import {
  type DeclarationRow,
  type DeclarationSort,
  publicationsRepository as repo,
} from './publications.repository.ts';

/** Add one row (a declarant or a family member) of a year's declarations. */
export async function addDeclaration(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { slug: string; row: DeclarationInput },
): Promise<DeclarationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const r = input.row;
    const row = await repo.insertDeclaration(tx, {
      orgId: org.id,
      year: r.year,
      declarantShortName: r.declarantShortName,
      position: r.position,
      relation: r.relation,
      realEstateOwned: r.realEstateOwned,
      realEstateUsed: r.realEstateUsed,
      vehicles: r.vehicles,
      largeDealSources: r.largeDealSources,
      declaredIncomeKopecks: Math.round(r.declaredIncomeRub * 100),
    });
    await indexDeclarations(tx, org, r.year);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'declaration.add',
      objectType: 'income_declaration',
      objectId: row.id,
      orgId: org.id,
      details: { year: r.year, relation: r.relation },
    });
    return row;
  });
}

/** Remove a row entered by mistake. */
export async function removeDeclaration(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { slug: string; id: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    if ((await repo.deleteDeclaration(tx, org.id, input.id)) === 0) throw new NotFound('income_declaration');
    await indexAllDeclarations(tx, [org]);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'declaration.remove',
      objectType: 'income_declaration',
      objectId: input.id,
      orgId: org.id,
    });
  });
}

/** Switch publication of a year's declarations on or off for the body (Указ №968 may suspend it). */
export async function setDeclarationsPublished(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; year: number; published: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    await repo.setYearPublished(tx, org.id, input.year, input.published, deps.clock.now());
    await indexDeclarations(tx, org, input.year);
    // The body's home shows the section as published while any year with rows is public.
    const anyPublic = (await repo.declarationYears(tx, org.id)).some((y) => y.published && y.rows > 0);
    await markOrgSectionFilled(tx, org.id, 'declarations', anyPublic ? deps.clock.now() : null);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: input.published ? 'declarations.publish' : 'declarations.unpublish',
      objectType: 'declaration_year',
      orgId: org.id,
      details: { year: input.year },
    });
  });
}

export type PublicDeclarations = {
  org: OrgRow;
  years: number[];
  year: number | null;
  rows: DeclarationRow[];
};

/** The public table: only years switched on; staff see the same through /manage. */
export async function getPublicDeclarations(
  deps: { db: DbOrTx },
  input: { slug: string; year?: number | undefined; sort?: DeclarationSort; dir?: 'asc' | 'desc' },
): Promise<PublicDeclarations> {
  const org = await orgBySlug(deps.db, input.slug);
  const years = (await repo.declarationYears(deps.db, org.id)).filter((y) => y.published).map((y) => y.year);
  const year =
    input.year !== undefined ? (years.includes(input.year) ? input.year : null) : (years[0] ?? null);
  if (input.year !== undefined && year === null) throw new NotFound('declaration_year');
  const rows = year === null ? [] : await repo.declarations(deps.db, org.id, year, input.sort, input.dir);
  return { org, years, year, rows };
}

/**
 * The last day to publish a year's declarations: 14 working days after the
 * filing deadline of 30 April of the next year (Порядок approved by Указ №613,
 * п. 4; п. 6 is about media requests), counted by the production calendar as
 * administrators corrected it (`loadCalendar`), not only the shipped data.
 */
export function declarationsDeadline(calendar: ProductionCalendar, year: number): string {
  return calendar.addWorkingDays(`${year + 1}-04-30`, 14);
}
