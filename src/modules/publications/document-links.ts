import type { DbOrTx } from '../../platform/db/client.ts';
import { type FieldError, InvalidInput } from '../../platform/errors/index.ts';
import { type PublicationRow, publicationsRepository as repo } from './publications.repository.ts';
import { saveNewVersion } from './versioning.ts';

/** The organisation's documents named by number in «amends» / «cancels»; unknown numbers are field errors. */
export async function resolveLinkTargets(
  tx: DbOrTx,
  orgId: string,
  selfId: string | null,
  numbers: { amends: string[]; cancels: string[] },
): Promise<{ doc: PublicationRow; relation: 'amends' | 'cancels' }[]> {
  const errors: FieldError[] = [];
  const out: { doc: PublicationRow; relation: 'amends' | 'cancels' }[] = [];
  for (const relation of ['amends', 'cancels'] as const) {
    for (const n of numbers[relation]) {
      const [doc] = (await repo.findDocumentByNumber(tx, orgId, n)).filter((d) => d.id !== selfId);
      if (!doc) {
        if (!errors.some((e) => e.field === relation))
          errors.push({ field: relation, message: 'publications.link.unknown' });
      } else out.push({ doc, relation });
    }
  }
  if (errors.length) throw new InvalidInput(errors);
  return out;
}

/**
 * Link a document to the ones it amends or cancels; each target gets a new
 * version with the status that follows (изменён / утратил силу).
 */
export async function applyLinks(
  tx: DbOrTx,
  fromId: string,
  targets: { doc: PublicationRow; relation: 'amends' | 'cancels' }[],
  at: Date,
  by: string | null,
): Promise<void> {
  for (const t of targets) {
    await repo.insertLink(tx, { fromId, toId: t.doc.id, relation: t.relation });
    const status = t.relation === 'cancels' ? 'утратил_силу' : 'изменён';
    if (t.doc.docStatus !== status && t.doc.docStatus !== 'утратил_силу')
      await saveNewVersion(tx, t.doc.id, { docStatus: status }, at, by);
  }
}
