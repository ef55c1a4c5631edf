import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { draftRegulations, draftUnits } from '../drafts.tables.ts';

/** What the expertise reads of a draft (the drafts module's own tables; expertise never writes them). */
export type DraftForExpertise = {
  id: string;
  orgId: string;
  title: string;
  stage: string;
  textVersion: number;
  expertiseStartsOn: string | null;
  expertiseEndsOn: string | null;
};
export type UnitForExpertise = { key: string; label: string; text: string };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const expertiseDrafts = {
  async find(db: DbOrTx, id: string): Promise<DraftForExpertise | undefined> {
    if (!UUID_RE.test(id)) return undefined;
    const [d] = await db
      .select({
        id: draftRegulations.id,
        orgId: draftRegulations.orgId,
        title: draftRegulations.title,
        stage: draftRegulations.stage,
        textVersion: draftRegulations.textVersion,
        expertiseStartsOn: draftRegulations.expertiseStartsOn,
        expertiseEndsOn: draftRegulations.expertiseEndsOn,
      })
      .from(draftRegulations)
      .where(eq(draftRegulations.id, id));
    return d;
  },

  units(db: DbOrTx, draftId: string, version: number): Promise<UnitForExpertise[]> {
    return db
      .select({ key: draftUnits.key, label: draftUnits.label, text: draftUnits.text })
      .from(draftUnits)
      .where(and(eq(draftUnits.draftId, draftId), eq(draftUnits.version, version)))
      .orderBy(asc(draftUnits.position));
  },
};
