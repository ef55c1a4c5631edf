import { z } from 'zod';
import { dateField } from './publications.input.ts';

/** Whose row it is; a family member is shown by this label only, never by name (Указ №613). */
export const relations = ['DECLARANT', 'СУПРУГ', 'СУПРУГА', 'НЕСОВЕРШЕННОЛЕТНИЙ_РЕБЕНОК'] as const;
export type Relation = (typeof relations)[number];

export const ownershipKinds = ['индивидуальная', 'общая долевая', 'общая совместная'] as const;

/*
 * What п.3 of the decree forbids to publish, as patterns the form refuses:
 * addresses, cadastral numbers, registration plates, VINs, phones and e-mail,
 * and people's names (a family member is a label, not a person).
 */
const FORBIDDEN: { re: RegExp; key: string }[] = [
  { re: /\d{2}:\d{2}:\d{6,7}:\d+/u, key: 'declarations.forbidden.cadastral' },
  {
    re: /(^|[\s,.(])(ул|улица|пр-т|просп|проспект|пер|переулок|наб|бульв|бульвар|ш|шоссе|д|дом|кв|корп|стр|пос|пгт)\.?\s*[\p{Lu}\d]/u,
    key: 'declarations.forbidden.address',
  },
  { re: /(^|\s)(г\.|город)\s*\p{Lu}/u, key: 'declarations.forbidden.address' },
  { re: /\b\d{6}\b/u, key: 'declarations.forbidden.address' },
  {
    re: /(^|[^\p{L}\d])[АВЕКМНОРСТУХABEKMHOPCTYX]\s?\d{3}\s?[АВЕКМНОРСТУХABEKMHOPCTYX]{2}\s?\d{2,3}($|[^\p{L}\d])/iu,
    key: 'declarations.forbidden.plate',
  },
  { re: /\b[A-HJ-NPR-Z0-9]{17}\b/u, key: 'declarations.forbidden.vin' },
  { re: /(\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}/u, key: 'declarations.forbidden.contact' },
  { re: /[^\s@]+@[^\s@]+\.[^\s@]+/u, key: 'declarations.forbidden.contact' },
  // «Иванова М.С.», «М.С. Иванова», «Иванова Мария»: a person's name
  { re: /\p{Lu}\p{Ll}+\s+\p{Lu}\.\s?\p{Lu}\./u, key: 'declarations.forbidden.name' },
  { re: /\p{Lu}\.\s?\p{Lu}\.\s?\p{Lu}\p{Ll}+/u, key: 'declarations.forbidden.name' },
];

/** The key of the first forbidden thing found in a free-text value, or null. */
export function forbiddenIn(value: string): string | null {
  for (const f of FORBIDDEN) if (f.re.test(value)) return f.key;
  return null;
}

const freeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'declarations.value.required')
    .max(max, 'declarations.value.tooLong')
    .superRefine((v, ctx) => {
      const key = forbiddenIn(v);
      if (key) ctx.addIssue({ code: 'custom', message: key });
    });

const area = z.coerce
  .number({ message: 'declarations.area.invalid' })
  .positive('declarations.area.invalid')
  .max(10_000_000, 'declarations.area.invalid');

export const realEstateOwned = z.object({
  type: freeText(100),
  ownership: z.enum(ownershipKinds, { message: 'declarations.ownership.invalid' }),
  share: z
    .string()
    .trim()
    .regex(/^$|^\d{1,4}\/\d{1,4}$/, 'declarations.share.invalid')
    .optional()
    .transform((v) => (v ? v : null)),
  areaSqm: area,
  country: freeText(60),
});
export const realEstateUsed = z.object({ type: freeText(100), areaSqm: area, country: freeText(60) });
export const vehicle = z.object({ type: freeText(60), make: freeText(100) });
export const largeDealSource = z.object({ assetType: freeText(100), sources: freeText(500) });
export type RealEstateOwned = z.output<typeof realEstateOwned>;
export type RealEstateUsed = z.output<typeof realEstateUsed>;
export type Vehicle = z.output<typeof vehicle>;
export type LargeDealSource = z.output<typeof largeDealSource>;

/** One row of the table: a declarant or a family member, for one year. */
export const declarationInput = z
  .object({
    year: z.coerce
      .number({ message: 'declarations.year.invalid' })
      .int('declarations.year.invalid')
      .min(2009, 'declarations.year.invalid')
      .max(2100, 'declarations.year.invalid'),
    declarantShortName: z
      .string()
      .trim()
      .regex(
        /^\p{Lu}[\p{Ll}-]+(-\p{Lu}[\p{Ll}]+)?\s\p{Lu}\.\s?(\p{Lu}\.)?$/u,
        'declarations.shortName.invalid',
      ),
    position: freeText(300),
    relation: z.enum(relations, { message: 'declarations.relation.required' }),
    declaredIncomeRub: z
      .union([z.string(), z.number()])
      .transform((v) =>
        typeof v === 'number'
          ? v
          : v.trim() === ''
            ? Number.NaN
            : Number(v.replace(/\s/g, '').replace(',', '.')),
      )
      .pipe(
        z
          .number({ message: 'declarations.income.invalid' })
          .min(0, 'declarations.income.invalid')
          .max(1e12, 'declarations.income.invalid'),
      ),
    realEstateOwned: z.array(realEstateOwned).max(50, 'declarations.tooMany'),
    realEstateUsed: z.array(realEstateUsed).max(50, 'declarations.tooMany'),
    vehicles: z.array(vehicle).max(50, 'declarations.tooMany'),
    largeDealSources: z.array(largeDealSource).max(50, 'declarations.tooMany'),
  })
  .superRefine((d, ctx) => {
    // The surname of the declarant must not reappear in free text (a family member named by it).
    const surname = d.declarantShortName.split(/\s/)[0] ?? '';
    const lists = {
      realEstateOwned: d.realEstateOwned,
      realEstateUsed: d.realEstateUsed,
      vehicles: d.vehicles,
      largeDealSources: d.largeDealSources,
    };
    for (const [field, rows] of Object.entries(lists)) {
      if (
        surname.length > 4 &&
        JSON.stringify(rows).toLowerCase().includes(surname.toLowerCase().slice(0, -1))
      )
        ctx.addIssue({ code: 'custom', path: [field], message: 'declarations.forbidden.name' });
    }
  });
export type DeclarationInput = z.infer<typeof declarationInput>;

/**
 * The form's textareas, one item per line with «;» between the parts, into
 * the arrays the schema takes: «квартира; общая долевая; 1/2; 54,3; Россия».
 */
export function declarationFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const lines = (k: string) =>
    String(body[k] ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => l.split(';').map((p) => p.trim()));
  const num = (s: string | undefined) => (s ?? '').replace(/\s/g, '').replace(',', '.');
  return {
    year: body.year,
    declarantShortName: body.declarantShortName,
    position: body.position,
    relation: body.relation,
    declaredIncomeRub: typeof body.declaredIncomeRub === 'string' ? body.declaredIncomeRub : '',
    realEstateOwned: lines('realEstateOwned').map(([type, ownership, share, a, country]) => ({
      type: type ?? '',
      ownership: ownership ?? '',
      share: share ?? '',
      areaSqm: num(a),
      country: country ?? '',
    })),
    realEstateUsed: lines('realEstateUsed').map(([type, a, country]) => ({
      type: type ?? '',
      areaSqm: num(a),
      country: country ?? '',
    })),
    vehicles: lines('vehicles').map(([type, make]) => ({ type: type ?? '', make: make ?? '' })),
    largeDealSources: lines('largeDealSources').map(([assetType, sources]) => ({
      assetType: assetType ?? '',
      sources: sources ?? '',
    })),
  };
}

const legalText = (required: string) =>
  z.string({ message: required }).trim().min(1, required).max(1000, 'declarations.value.tooLong');

/** The end of a person's tenure: the last day in the post and the act that ended it. */
export const tenureEndInput = z.object({
  endedOn: dateField('declarations.tenure.date.invalid').pipe(
    z.string({ message: 'declarations.tenure.date.required' }),
  ),
  basis: legalText('declarations.tenure.basis.required'),
});
export type TenureEndInput = z.infer<typeof tenureEndInput>;

/** Whether a year is published: a legal decision, never without its basis. */
export const yearDecisionInput = z.object({
  published: z
    .enum(['yes', 'no'], { message: 'declarations.decision.required' })
    .transform((v) => v === 'yes'),
  legalBasis: legalText('declarations.decision.basis.required'),
});
export type YearDecisionInput = z.infer<typeof yearDecisionInput>;
