import { z } from 'zod';
import { appealKinds, appealTypes, obstructionKinds } from './appeals.model.ts';

/*
 * One set of fields for the HTML form and the JSON API. The form differs only
 * in how it carries the collective flag (a checkbox) and the co-signers (a
 * textarea, one person per line); both end in the same AppealInput.
 */

const required = (max: number, missing: string, tooLong: string) =>
  z.string(missing).trim().min(1, missing).max(max, tooLong);

/** Empty becomes null; text is trimmed. */
const optional = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((v) => (v ? v : null));

export const TEXT_MAX = 20_000;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id chosen from a list; empty becomes null. */
const optionalId = (invalid: string) =>
  z
    .string(invalid)
    .trim()
    .refine((v) => v === '' || UUID_RE.test(v), invalid)
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null));
export const COSIGNERS_MAX = 200;

const fields = {
  type: z.enum(appealTypes, 'appeals.type.invalid').default('appeal'),
  /** предложение | заявление | жалоба: required for an appeal, ignored for the other types */
  kind: z
    .enum(appealKinds, 'appeals.kind.required')
    .nullish()
    .or(z.literal('').transform(() => null)),
  /** the addressee organisation's slug */
  orgSlug: required(100, 'appeals.org.required', 'appeals.org.required'),
  officialName: optional(300, 'appeals.officialName.tooLong'),
  /** a complaint: the organisation whose decision or action it complains about (59-ФЗ art. 8 ч.6), from the list */
  complainedOrgId: optionalId('appeals.complainedOrgId.invalid').describe(
    'жалоба: id органа из GET /api/v1/organizations, решение или действие которого обжалуется (обязателен для kind=complaint) / complaint: id of the body complained about',
  ),
  /** and, where given, its official (an id from the organisation's responsible officials) */
  complainedOfficialId: optionalId('appeals.complainedOfficialId.invalid').describe(
    'id ответственного должностного лица этого органа (необязательно) / optional: id of that body’s official',
  ),
  /** concept task 6.5: what the official did to obstruct public control (required with the marker) */
  obstructionKind: z
    .enum(obstructionKinds, 'appeals.obstructionKind.required')
    .nullish()
    .or(z.literal('').transform(() => null))
    .describe(
      'жалоба на воспрепятствование общественному контролю: что сделало должностное лицо (обязательно при obstructsPublicControl) / what the official did to obstruct public control',
    ),
  /** the organisation of public control the author acts for (a public council, an NGO), optional */
  publicControlSubject: optional(300, 'appeals.publicControlSubject.tooLong').describe(
    'от имени какого субъекта общественного контроля (общественный совет, НКО), необязательно / the public council or NGO the author acts for, optional',
  ),
  lastName: required(100, 'appeals.lastName.required', 'appeals.lastName.tooLong'),
  firstName: required(100, 'appeals.firstName.required', 'appeals.firstName.tooLong'),
  patronymic: optional(100, 'appeals.patronymic.tooLong'),
  email: z
    .string('appeals.email.required')
    .trim()
    .min(1, 'appeals.email.required')
    .max(254, 'appeals.email.invalid')
    .pipe(z.email('appeals.email.invalid')),
  postalAddress: optional(500, 'appeals.postalAddress.tooLong'),
  phone: z
    .string()
    .trim()
    .max(50, 'appeals.phone.invalid')
    .regex(/^$|^[+\d][\d\s()\-–]*$/u, 'appeals.phone.invalid')
    .nullish()
    .transform((v) => (v ? v : null)),
  /** 8-ФЗ: the requesting organisation, when it is one */
  organizationName: optional(300, 'appeals.organizationName.tooLong'),
  subject: optional(300, 'appeals.subject.tooLong'),
  text: required(TEXT_MAX, 'appeals.text.required', 'appeals.text.tooLong'),
  /** corruption report: who was involved (name or position), when and where */
  involvedPersons: optional(1000, 'appeals.involvedPersons.tooLong'),
  eventDate: optional(100, 'appeals.eventDate.tooLong'),
  place: optional(500, 'appeals.place.tooLong'),
  /** information request: how the answer should come */
  answerForm: z
    .enum(['email', 'post'], 'appeals.answerForm.invalid')
    .nullish()
    .or(z.literal('').transform(() => null)),
};

export const cosignerInput = z.object({
  lastName: required(100, 'appeals.cosigners.invalid', 'appeals.cosigners.invalid'),
  firstName: required(100, 'appeals.cosigners.invalid', 'appeals.cosigners.invalid'),
  patronymic: optional(100, 'appeals.cosigners.invalid'),
});
export type CosignerInput = z.infer<typeof cosignerInput>;

type Common = {
  type: string;
  organizationName?: string | null | undefined;
  kind?: string | null | undefined;
  complainedOrgId?: string | null | undefined;
  complainedOfficialId?: string | null | undefined;
  text: string;
  postalAddress: string | null;
  answerForm?: string | null | undefined;
  collective: boolean;
  cosigners: CosignerInput[];
  involvedPersons: string | null;
  obstructsPublicControl: boolean;
  obstructionKind?: string | null | undefined;
};

/**
 * Rules that depend on the type: an appeal needs its kind, a collective appeal
 * its co-signers, a posted answer an address. They run even when other fields
 * failed (`always`), so the form lists every problem at once.
 */
const always = { when: () => true };
function typeRules(v: Common, ctx: z.RefinementCtx) {
  // `always` runs this on whatever came in, a JSON `null` or an array included: the shape check reports those.
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
  if (v.type === 'appeal' && !v.kind)
    ctx.addIssue({ code: 'custom', path: ['kind'], message: 'appeals.kind.required' });
  if (v.type === 'appeal' && v.kind === 'complaint' && !v.complainedOrgId)
    ctx.addIssue({ code: 'custom', path: ['complainedOrgId'], message: 'appeals.complainedOrgId.required' });
  // a report of obstructed public control (6.5) is a complaint about a body's official, and says what was done
  if (v.type === 'appeal' && v.obstructsPublicControl) {
    if (v.kind && v.kind !== 'complaint')
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'appeals.obstruction.kindComplaint' });
    if (!v.obstructionKind)
      ctx.addIssue({
        code: 'custom',
        path: ['obstructionKind'],
        message: 'appeals.obstructionKind.required',
      });
  }
  if (v.complainedOfficialId && !v.complainedOrgId)
    ctx.addIssue({ code: 'custom', path: ['complainedOrgId'], message: 'appeals.complainedOrgId.required' });
  if (v.type === 'media_request' && !v.organizationName)
    ctx.addIssue({
      code: 'custom',
      path: ['organizationName'],
      message: 'appeals.organizationName.requiredForMedia',
    });
  if (v.type === 'info_request' && v.answerForm === 'post' && !v.postalAddress)
    ctx.addIssue({
      code: 'custom',
      path: ['postalAddress'],
      message: 'appeals.postalAddress.requiredForPost',
    });
  if (v.collective && Array.isArray(v.cosigners) && v.cosigners.length === 0)
    ctx.addIssue({ code: 'custom', path: ['cosigners'], message: 'appeals.cosigners.required' });
}

/** The JSON API's body (strict: unknown fields are refused). */
export const appealApiInput = z
  .strictObject({
    ...fields,
    collective: z.boolean().default(false),
    obstructsPublicControl: z
      .boolean()
      .default(false)
      .describe(
        'жалоба на воспрепятствование должностным лицом общественному контролю (212-ФЗ; задача концепции 6.5); только type=appeal, kind=complaint / a complaint that an official obstructed public control',
      ),
    publicationConsent: z
      .boolean()
      .default(false)
      .describe(
        'согласие автора на публикацию обращения и ответа с его персональными данными (152-ФЗ ст. 10.1) / the author’s consent to publishing the appeal and answer with their personal data',
      ),
    archiveConsent: z
      .boolean()
      .default(false)
      .describe(
        'согласие автора на публикацию обращения и ответа в открытом архиве органа в обезличенном виде, без персональных данных; отзывается в личном кабинете / the author’s consent to publishing the appeal and answer anonymised in the body’s public archive',
      ),
    cosigners: z.array(cosignerInput).max(COSIGNERS_MAX, 'appeals.cosigners.tooMany').default([]),
  })
  .superRefine(typeRules, always);

/** «Фамилия Имя Отчество» per line → co-signers; a line without two words is an error. */
function parseCosigners(raw: string | null | undefined, ctx: z.RefinementCtx): CosignerInput[] {
  const out: CosignerInput[] = [];
  for (const line of (raw ?? '').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.length > 100)) {
      ctx.addIssue({ code: 'custom', path: ['cosigners'], message: 'appeals.cosigners.invalid' });
      return [];
    }
    out.push({ lastName: parts[0] as string, firstName: parts[1] as string, patronymic: parts[2] ?? null });
  }
  if (out.length > COSIGNERS_MAX)
    ctx.addIssue({ code: 'custom', path: ['cosigners'], message: 'appeals.cosigners.tooMany' });
  return out;
}

/** The HTML form: a checkbox and a textarea instead of a boolean and an array. */
export const appealFormInput = z
  .object({
    ...fields,
    collective: z
      .string()
      .nullish()
      .transform((v) => v === 'yes'),
    obstructsPublicControl: z
      .string()
      .nullish()
      .transform((v) => v === 'yes'),
    publicationConsent: z
      .string()
      .nullish()
      .transform((v) => v === 'yes'),
    archiveConsent: z
      .string()
      .nullish()
      .transform((v) => v === 'yes'),
    cosigners: z
      .string()
      .max(COSIGNERS_MAX * 120, 'appeals.cosigners.tooMany')
      .nullish()
      .transform((v, ctx) => parseCosigners(v, ctx)),
  })
  .superRefine(typeRules, always);

export type AppealInput = z.infer<typeof appealApiInput>;

/** The citizen's rating of an answer (task 4.5). */
export const ratingInput = z
  .object({
    satisfied: z.enum(['yes', 'no'], 'appeals.rating.satisfied.required').transform((v) => v === 'yes'),
    reasonCode: z
      .enum(['not_on_merits', 'unclear', 'late', 'formal', 'other'], 'appeals.rating.reason.required')
      .nullish()
      .or(z.literal('').transform(() => null)),
    reason: optional(2000, 'appeals.rating.reason.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (!v.satisfied && !v.reasonCode)
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'appeals.rating.reason.required' });
  });
export type RatingInput = z.infer<typeof ratingInput>;

/** The author withdraws an appeal: an optional reason in their words. */
export const withdrawInput = z.object({
  reason: optional(2000, 'appeals.withdraw.reason.tooLong'),
});

/** A complaint about an answer, sent from the answered appeal's page: the author's text and the archive consent. */
export const disputeInput = z.object({
  text: required(TEXT_MAX, 'appeals.dispute.text.required', 'appeals.text.tooLong'),
  archiveConsent: z
    .string()
    .nullish()
    .transform((v) => v === 'yes'),
});
export type DisputeInput = z.infer<typeof disputeInput>;

/** The author gives («yes») or withdraws («no») consent to the public archive. */
export const archiveConsentInput = z.object({
  archiveConsent: z.enum(['yes', 'no'], 'appeals.archiveConsent.required').transform((v) => v === 'yes'),
});
