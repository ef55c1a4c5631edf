import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

/** A person as the audit viewer shows them. */
export type AuditPerson = { name: string | null; email: string | null };
/** An organisation as the audit viewer shows and filters it. */
export type AuditOrganisation = { id: string; nameRu: string; nameEn: string | null };

/**
 * What a module that owns people or organisations lends the audit viewer: the
 * log stores only ids, and the platform reads no module's tables. Declared with
 * defineAuditNames (the manifest's `auditNames` entry): accounts gives people,
 * orgs gives organisations.
 */
export type AuditNames = {
  /** the module name; a second definition by the same module replaces the first */
  module: string;
  /** names and e-mail addresses of the people with these ids (unknown ids are left out) */
  people?: (db: DbOrTx, ids: string[]) => Promise<Map<string, AuditPerson>>;
  /**
   * The ids of the people whose e-mail address contains `part` (case
   * insensitive), as a subquery the log's filter embeds, so a broad part never
   * becomes a long list of ids.
   */
  peopleByEmail?: (db: DbOrTx, part: string) => SQLWrapper;
  /** every organisation, in the order a list of them is shown */
  organisations?: (db: DbOrTx) => Promise<AuditOrganisation[]>;
};

const sources = new Map<string, AuditNames>();

/**
 * Register a module's names for the audit viewer. Called at import time (like
 * defineSearchSource), so everything that loads src/modules/index.ts sees them;
 * returns the definition for the module's manifest.
 */
export function defineAuditNames(names: AuditNames): AuditNames {
  sources.set(names.module, names);
  return names;
}

/** The names every registered module lends, merged. */
export const auditNames = {
  async people(db: DbOrTx, ids: string[]): Promise<Map<string, AuditPerson>> {
    const out = new Map<string, AuditPerson>();
    if (ids.length === 0) return out;
    for (const s of sources.values()) {
      if (!s.people) continue;
      for (const [id, person] of await s.people(db, ids)) out.set(id, person);
    }
    return out;
  },

  /** One subquery per module that knows people's e-mail addresses; none when no module does. */
  peopleByEmail(db: DbOrTx, part: string): SQLWrapper[] {
    return [...sources.values()].flatMap((s) => (s.peopleByEmail ? [s.peopleByEmail(db, part)] : []));
  },

  async organisations(db: DbOrTx): Promise<AuditOrganisation[]> {
    const out: AuditOrganisation[] = [];
    for (const s of sources.values()) if (s.organisations) out.push(...(await s.organisations(db)));
    return out;
  },
};
