import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import { type ProductionCalendar, toLocalDate } from '../../platform/calendar/index.ts';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { markOrgSectionFilled, type OrgRow } from '../orgs/index.ts';
import type { DeclarationInput, TenureEndInput, YearDecisionInput } from './declarations.input.ts';
import { indexAllDeclarations, indexDeclarations } from './declarations.search.ts';
import { orgBySlug } from './find-org.ts';
import { canPublish } from './publications.policy.ts';
import {
  type DeclarantRow,
  type DeclarationRow,
  type DeclarationSort,
  publicationsRepository as repo,
} from './publications.repository.ts';

/**
 * The body's home shows the declarations section as filled while any
 * published year has rows of people still in the post (issue 10: never
 * «пока не заполнен» over published data, never filled over an empty page).
 */
async function refreshDeclarationsSection(tx: Tx, orgId: string, now: Date): Promise<void> {
  const anyPublic = (await repo.declarationYears(tx, orgId)).some((y) => y.published && y.publicRows > 0);
  await markOrgSectionFilled(tx, orgId, 'declarations', anyPublic ? now : null);
}

/** Add one row (a declarant or a family member) of a year's declarations. */
export async function addDeclaration(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; row: DeclarationInput },
): Promise<DeclarationRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const r = input.row;
    const declarant = await repo.declarantByName(tx, org.id, r.declarantShortName);
    if (declarant.tenureEndedOn !== null)
      throw new InvalidInput([{ field: 'declarantShortName', message: 'declarations.tenure.alreadyEnded' }]);
    const row = await repo.insertDeclaration(tx, {
      orgId: org.id,
      year: r.year,
      declarantId: declarant.id,
      declarantShortName: r.declarantShortName,
      position: r.position,
      relation: r.relation,
      realEstateOwned: r.realEstateOwned,
      realEstateUsed: r.realEstateUsed,
      vehicles: r.vehicles,
      largeDealSources: r.largeDealSources,
      declaredIncomeKopecks: Math.round(r.declaredIncomeRub * 100),
    });
    await refreshDeclarationsSection(tx, org.id, deps.clock.now());
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
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; id: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const removed = await repo.deleteDeclaration(tx, org.id, input.id);
    if (!removed) throw new NotFound('income_declaration');
    await refreshDeclarationsSection(tx, org.id, deps.clock.now());
    await indexDeclarations(tx, org, removed.year);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'declaration.remove',
      objectType: 'income_declaration',
      objectId: input.id,
      orgId: org.id,
      details: { year: removed.year, relation: removed.relation },
    });
  });
}

/**
 * Record the end of a person's tenure: their rows leave the public pages,
 * search and the sitemap at once (Указ №613: published only while the person
 * holds the post); staff keep seeing them, and the audit log keeps the act.
 */
export async function endDeclarantTenure(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; declarantId: string; tenure: TenureEndInput },
): Promise<DeclarantRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const person = await repo.declarant(tx, org.id, input.declarantId);
    if (!person) throw new NotFound('declarant');
    if (person.tenureEndedOn !== null) throw new Conflict('declarations.tenure.alreadyEnded');
    const now = deps.clock.now();
    if (input.tenure.endedOn > toLocalDate(now))
      throw new InvalidInput([{ field: 'endedOn', message: 'declarations.tenure.date.future' }]);
    await repo.endTenure(tx, person.id, {
      endedOn: input.tenure.endedOn,
      basis: input.tenure.basis,
      by: isSignedIn(origin.actor) ? origin.actor.userId : null,
      at: now,
    });
    await refreshDeclarationsSection(tx, org.id, now);
    await indexAllDeclarations(tx, [org]);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'declarant.tenure_end',
      objectType: 'declarant',
      objectId: person.id,
      orgId: org.id,
      details: { endedOn: input.tenure.endedOn, basis: input.tenure.basis },
    });
    return { ...person, tenureEndedOn: input.tenure.endedOn, tenureEndBasis: input.tenure.basis };
  });
}

/**
 * Decide whether a year's declarations are published, with the legal basis of
 * the decision (federal acts adopted since 2022, e.g. Указ №968, restrict
 * publication); who decided and when are kept with it and in the audit log.
 */
export async function setDeclarationsPublished(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; year: number; decision: YearDecisionInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const { published, legalBasis } = input.decision;
    const now = deps.clock.now();
    await repo.setYearPublished(tx, org.id, input.year, {
      published,
      legalBasis,
      decidedBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
      now,
    });
    await refreshDeclarationsSection(tx, org.id, now);
    await indexDeclarations(tx, org, input.year);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: published ? 'declarations.publish' : 'declarations.unpublish',
      objectType: 'declaration_year',
      orgId: org.id,
      details: { year: input.year, legalBasis },
    });
  });
}

export type PublicDeclarations = {
  org: OrgRow;
  /** the years the public can open: published ones and those withheld with a recorded basis */
  years: { year: number; published: boolean; legalBasis: string | null }[];
  year: number | null;
  /** the basis when the chosen year is not published */
  withheld: string | null;
  rows: DeclarationRow[];
};

/**
 * The public table: a published year's rows of people still in the post; a
 * year withheld by a recorded decision shows its basis instead.
 */
export async function getPublicDeclarations(
  deps: { db: DbOrTx },
  input: { slug: string; year?: number | undefined; sort?: DeclarationSort; dir?: 'asc' | 'desc' },
): Promise<PublicDeclarations> {
  const org = await orgBySlug(deps.db, input.slug);
  const years = (await repo.declarationYears(deps.db, org.id))
    .filter((y) => y.published || y.legalBasis !== null)
    .map((y) => ({ year: y.year, published: y.published, legalBasis: y.legalBasis }));
  const chosen =
    input.year !== undefined
      ? years.find((y) => y.year === input.year)
      : (years.find((y) => y.published) ?? years[0]);
  if (input.year !== undefined && !chosen) throw new NotFound('declaration_year');
  const year = chosen?.year ?? null;
  const rows =
    chosen?.published === true
      ? await repo.declarations(deps.db, org.id, chosen.year, input.sort, input.dir, { publicOnly: true })
      : [];
  return { org, years, year, withheld: chosen && !chosen.published ? chosen.legalBasis : null, rows };
}

export type OfficialDeclarations = {
  org: OrgRow;
  person: DeclarantRow;
  /** every published year, newest first, with the person's and their family's rows */
  years: { year: number; rows: DeclarationRow[] }[];
};

/** One person's page: every published year of their declarations; 404 once they left the post. */
export async function getOfficialDeclarations(
  deps: { db: DbOrTx },
  input: { slug: string; id: string },
): Promise<OfficialDeclarations> {
  const org = await orgBySlug(deps.db, input.slug);
  const person = await repo.declarant(deps.db, org.id, input.id);
  if (!person || person.tenureEndedOn !== null) throw new NotFound('declarant');
  const rows = await repo.publishedRowsOf(deps.db, person.id);
  if (rows.length === 0) throw new NotFound('declarant');
  const years: OfficialDeclarations['years'] = [];
  for (const r of rows) {
    const last = years[years.length - 1];
    if (last?.year === r.year) last.rows.push(r);
    else years.push({ year: r.year, rows: [r] });
  }
  return { org, person, years };
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
