import type { Actor } from '../../platform/authz/index.ts';
import { listResponsibleOfficials } from '../orgs/index.ts';
import { orgBySlug } from './find-org.ts';
import { canPublish } from './publications.policy.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import type { ReadDeps } from './reads.ts';
import type { StructuredSection } from './sections.ts';

/*
 * Public reads: a structured 8-ФЗ section page.
 * Every published item is public (there are no drafts); each read checks that the item exists,
 * is of the kind the address names and belongs to the organisation in it, else 404.
 */

/** A structured 8-ФЗ section of an organisation: its text (if filled), who answers for it, may this actor edit it. */
export async function getSectionPage(
  deps: ReadDeps,
  actor: Actor,
  input: { slug: string; def: StructuredSection },
) {
  const org = await orgBySlug(deps.db, input.slug);
  const [item, officials] = await Promise.all([
    repo.findSection(deps.db, org.id, input.def.key),
    listResponsibleOfficials(deps.db, org.id),
  ]);
  return {
    org,
    item,
    officials: officials.filter((o) => o.duty === input.def.responsibleDuty),
    canEdit: canPublish(actor, org),
  };
}
