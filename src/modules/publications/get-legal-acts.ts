import type { Actor } from '../../platform/authz/index.ts';
import { docNumberKey } from '../../platform/search/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { type DocType, regionalActTypes } from './publications.input.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import type { ReadDeps } from './reads.ts';

export const ACTS_PER_PAGE = 20;

export type LegalActsFilter = {
  type?: DocType | undefined;
  year?: number | undefined;
  number?: string | undefined;
};

/** A keyset cursor: «<doc date>_<id>» of the last row shown. */
export type ActsCursor = { date: string; id: string };

export function encodeCursor(row: Pick<PublicationRow, 'docDate' | 'id'>): string {
  return `${row.docDate}_${row.id}`;
}

/** A cursor from the address, or null when it is not one (the list then starts over). */
export function decodeCursor(s: string | undefined): ActsCursor | null {
  const m = s?.match(/^(\d{4}-\d{2}-\d{2})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i);
  return m?.[1] && m[2] ? { date: m[1], id: m[2].toLowerCase() } : null;
}

export type LegalActsPage = {
  items: (PublicationRow & { org: OrgRow | undefined })[];
  years: number[];
  /** cursor of the next page, null on the last */
  next: string | null;
};

/**
 * The register of the region's laws and the government's and governor's acts
 * (issue #10): filters by type, year and number, keyset pages. Public: every
 * published document is public.
 */
export async function listLegalActs(
  deps: ReadDeps,
  _actor: Actor,
  input: { filter: LegalActsFilter; after: ActsCursor | null },
): Promise<LegalActsPage> {
  const types = input.filter.type ? [input.filter.type] : regionalActTypes;
  const numberKey = input.filter.number ? docNumberKey(input.filter.number) : undefined;
  const [rows, years, orgs] = await Promise.all([
    repo.actsRegister(deps.db, { types, year: input.filter.year, numberKey }, input.after, ACTS_PER_PAGE),
    repo.actsYears(deps.db, regionalActTypes),
    listAllOrganizations(deps.db),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const page = rows.slice(0, ACTS_PER_PAGE);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, org: byId.get(r.orgId) })),
    years,
    next: rows.length > ACTS_PER_PAGE && last ? encodeCursor(last) : null,
  };
}
