import type { DbOrTx } from '../../../platform/db/client.ts';
import { InvalidInput } from '../../../platform/errors/index.ts';
import { findOrganizationById } from '../../orgs/index.ts';
import { type Finding, findPersonalData } from '../anonymise.ts';
import { appealsRepository } from '../appeals.repository.ts';

/**
 * What stands between a text and its publication (152-ФЗ; 59-ФЗ art. 6 ч.2):
 * the personal data the anonymiser still finds in it, unless the author of
 * the appeal it came from recorded their consent to its publication. Empty
 * when it may be published.
 */
export async function publicationBlockers(
  db: DbOrTx,
  texts: { question: string; answer: string },
  source: { orgId: string; sourceAppealId: string | null },
): Promise<{ field: 'question' | 'answer'; finding: Finding }[]> {
  if (source.sourceAppealId) {
    const appeal = await appealsRepository.findById(db, source.sourceAppealId);
    if (appeal?.publicationConsentAt) return [];
  }
  // The body's own published phone and e-mail are not a person's data.
  const org = await findOrganizationById(db, source.orgId);
  const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '').replace(/^8/, '7');
  const own = (f: Finding) =>
    (f.kind === 'phone' && !!org?.phone && digits(f.text) === digits(org.phone)) ||
    (f.kind === 'email' && !!org?.email && f.text.toLowerCase() === org.email.toLowerCase());
  return (['question', 'answer'] as const).flatMap((field) =>
    findPersonalData(texts[field])
      .filter((f) => !own(f))
      .map((finding) => ({ field, finding })),
  );
}

/** Refuse the publication while a finding stays unmasked: the form names each one. */
export async function requirePublishable(
  db: DbOrTx,
  texts: { question: string; answer: string },
  source: { orgId: string; sourceAppealId: string | null },
): Promise<void> {
  const blockers = await publicationBlockers(db, texts, source);
  if (blockers.length === 0) return;
  throw new InvalidInput(
    [...new Set(blockers.map((b) => b.field))].map((field) => ({
      field,
      message: 'appeals.manage.faq.personalData',
    })),
  );
}

/**
 * A quarterly review goes through the same check before publication: its
 * comment (the one free text in it) must hold no personal data the anonymiser
 * finds; checked when publishing and on every edit of a published review.
 */
export async function requireReviewPublishable(
  db: DbOrTx,
  comment: string | null,
  orgId: string,
): Promise<void> {
  const blockers = await publicationBlockers(
    db,
    { question: '', answer: comment ?? '' },
    { orgId, sourceAppealId: null },
  );
  if (blockers.length > 0)
    throw new InvalidInput([{ field: 'comment', message: 'appeals.manage.reviews.personalData' }]);
}
