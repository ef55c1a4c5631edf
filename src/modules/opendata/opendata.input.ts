import { z } from 'zod';
import { readCsv } from './csv-read.ts';
import type { DatasetColumn } from './opendata.tables.ts';

/** The methodology this register follows (its URI is the `standardversion` of every file). */
export const STANDARD_VERSION = 'http://opendata.gosmonitor.ru/standard/3.0';

/**
 * Topics of the register (the rubrics of the federal portal), each with the EU
 * data theme (DCAT-AP `dcat:theme`) it maps to. A topic is a CKAN group too.
 */
export const TOPICS = {
  government: { ru: 'Государство', en: 'Government', eu: 'GOVE' },
  economy: { ru: 'Экономика', en: 'Economy', eu: 'ECON' },
  education: { ru: 'Образование', en: 'Education', eu: 'EDUC' },
  health: { ru: 'Здоровье', en: 'Health', eu: 'HEAL' },
  culture: { ru: 'Культура', en: 'Culture', eu: 'EDUC' },
  transport: { ru: 'Транспорт', en: 'Transport', eu: 'TRAN' },
  environment: { ru: 'Экология', en: 'Environment', eu: 'ENVI' },
  construction: { ru: 'Строительство', en: 'Construction', eu: 'REGI' },
  social: { ru: 'Социальная сфера', en: 'Social affairs', eu: 'SOCI' },
  safety: { ru: 'Безопасность', en: 'Safety', eu: 'JUST' },
} as const;
export type Topic = keyof typeof TOPICS;

/** Update frequencies, each with how many days may pass before the data counts as stale. */
export const FREQUENCIES = {
  daily: { ru: 'ежедневно', en: 'daily', days: 2, eu: 'DAILY' },
  weekly: { ru: 'еженедельно', en: 'weekly', days: 8, eu: 'WEEKLY' },
  monthly: { ru: 'ежемесячно', en: 'monthly', days: 32, eu: 'MONTHLY' },
  quarterly: { ru: 'ежеквартально', en: 'quarterly', days: 93, eu: 'QUARTERLY' },
  yearly: { ru: 'ежегодно', en: 'yearly', days: 367, eu: 'ANNUAL' },
  on_change: { ru: 'по мере изменения', en: 'as it changes', days: null, eu: 'IRREG' },
} as const;
export type Frequency = keyof typeof FREQUENCIES;

/** Licences and terms of use a body may choose. */
export const LICENSES = {
  'cc-by-4.0': {
    ru: 'Creative Commons «С указанием авторства» 4.0',
    en: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    open: true,
  },
  'ru-terms-2016': {
    ru: 'Типовые условия использования общедоступной информации (протокол Правкомиссии от 19.09.2016 № 6)',
    en: 'Model terms of use of public information (Government Commission, 19.09.2016, No 6)',
    url: 'https://data.gov.ru/terms',
    open: true,
  },
  'cc0-1.0': {
    ru: 'Creative Commons CC0 (общественное достояние)',
    en: 'Creative Commons CC0 (public domain)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    open: true,
  },
} as const;
export type License = keyof typeof LICENSES;

export const COLUMN_FORMATS = ['string', 'integer', 'float', 'date', 'boolean'] as const;

/** A latin code after the ИНН: lowercase letters and digits (as in 7708234640-unemploymentrate6). */
export const IDENTIFIER_RE = /^\d{10,12}-[a-z][a-z0-9]{1,59}$/;

const text = (max: number, required: string, long: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, long);

/**
 * The structure as the steward types it: one column per line, in the columns of
 * structure.csv (`field name,english description,russian description,format`),
 * and an optional fifth cell `required`. Errors name the line.
 */
export function parseStructure(source: string): { columns: DatasetColumn[] } | { error: string } {
  let records: string[][];
  try {
    records = readCsv(Buffer.from(source.trim())).map((r) => r.cells.map((c) => c.trim()));
  } catch {
    return { error: 'opendata.structure.unreadable' };
  }
  if (records[0]?.[0]?.toLowerCase() === 'field name') records = records.slice(1);
  if (records.length === 0) return { error: 'opendata.structure.required' };
  if (records.length > 200) return { error: 'opendata.structure.tooMany' };
  const columns: DatasetColumn[] = [];
  for (const r of records) {
    const [name = '', titleEn = '', titleRu = '', format = '', flag = ''] = r;
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(name) || !titleRu || !COLUMN_FORMATS.includes(format as never))
      return { error: 'opendata.structure.badLine' };
    if (columns.some((c) => c.name === name)) return { error: 'opendata.structure.duplicate' };
    columns.push({
      name,
      titleEn: titleEn || name,
      titleRu,
      format,
      required: ['required', 'обязательно', 'да', 'yes'].includes(flag.toLowerCase()),
    });
  }
  return { columns };
}

/** The structure as text for its textarea (the inverse of parseStructure). */
export function structureText(columns: DatasetColumn[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return columns
    .map((c) => [c.name, c.titleEn, c.titleRu, c.format, c.required ? 'required' : ''].map(cell).join(','))
    .join('\n')
    .replace(/,\n/g, '\n')
    .replace(/,$/, '');
}

/** A checkbox: ticked when the form sends yes (or the API true). */
const checked = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'yes' || v === 'on' || v === 'true');

/** An optional dataset identifier (empty → null). */
const optionalIdentifier = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || IDENTIFIER_RE.test(v), 'opendata.field.identifier.format');

const structureField = z.string({ error: 'opendata.structure.required' }).superRefine((v, ctx) => {
  const r = parseStructure(v);
  if ('error' in r) ctx.addIssue({ code: 'custom', message: r.error });
});

/** Registering a dataset (10.1): the passport and the first structure. Form and API alike. */
export const registerDatasetInput = z.object({
  org: z.string({ error: 'opendata.field.org.required' }).min(1, 'opendata.field.org.required'),
  identifier: z
    .string({ error: 'opendata.field.identifier.required' })
    .trim()
    .toLowerCase()
    .min(1, 'opendata.field.identifier.required')
    .regex(IDENTIFIER_RE, 'opendata.field.identifier.format'),
  title: text(300, 'opendata.field.title.required', 'opendata.field.title.long'),
  description: text(4000, 'opendata.field.description.required', 'opendata.field.description.long'),
  keywords: text(500, 'opendata.field.keywords.required', 'opendata.field.keywords.long'),
  topic: z.enum(Object.keys(TOPICS) as [Topic, ...Topic[]], { error: 'opendata.field.topic.required' }),
  frequency: z.enum(Object.keys(FREQUENCIES) as [Frequency, ...Frequency[]], {
    error: 'opendata.field.frequency.required',
  }),
  publisherName: text(200, 'opendata.field.publisherName.required', 'opendata.field.publisherName.long'),
  publisherPhone: z
    .string({ error: 'opendata.field.publisherPhone.required' })
    .trim()
    .min(1, 'opendata.field.publisherPhone.required')
    .regex(/^\+?[\d\s()-]{6,25}$/, 'opendata.field.publisherPhone.format'),
  publisherEmail: z
    .string({ error: 'opendata.field.publisherEmail.required' })
    .trim()
    .min(1, 'opendata.field.publisherEmail.required')
    .pipe(z.email('opendata.field.publisherEmail.format')),
  license: z.enum(Object.keys(LICENSES) as [License, ...License[]], {
    error: 'opendata.field.license.required',
  }),
  structure: structureField,
  /** a reference book or classifier the body keeps (10.2) */
  referenceBook: checked,
});
export type RegisterDatasetInput = z.infer<typeof registerDatasetInput>;

/** A new structure version (the columns changed). */
export const changeStructureInput = z.object({ structure: structureField });

/** The note that goes with an upload (the passport's «provenance»). */
export const uploadDataInput = z.object({
  provenance: text(500, 'opendata.field.provenance.required', 'opendata.field.provenance.long'),
});

/** The states of a proposal (10.3): new, accepted into the publication plan, declined with the reason, published. */
export const PROPOSAL_STATUSES = ['new', 'accepted', 'declined', 'published'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A signed-in person's proposal of a dataset (10.3): what data, which body, why. Form and API alike. */
export const proposeDatasetInput = z.object({
  org: z
    .string({ error: 'opendata.field.proposalOrg.required' })
    .trim()
    .min(1, 'opendata.field.proposalOrg.required'),
  title: text(300, 'opendata.field.proposalTitle.required', 'opendata.field.title.long'),
  description: text(4000, 'opendata.field.proposalDescription.required', 'opendata.field.description.long'),
  reason: text(2000, 'opendata.field.proposalReason.required', 'opendata.field.description.long'),
});
export type ProposeDatasetInput = z.infer<typeof proposeDatasetInput>;

/** The body's answer to a proposal: the new status, the answer (what is planned, or why not), the dataset once published. */
export const answerProposalInput = z
  .object({
    status: z.enum(['accepted', 'declined', 'published'], {
      error: 'opendata.field.proposalStatus.required',
    }),
    answer: text(4000, 'opendata.field.answer.required', 'opendata.field.description.long'),
    datasetIdentifier: optionalIdentifier,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'published' && !v.datasetIdentifier)
      ctx.addIssue({
        code: 'custom',
        path: ['datasetIdentifier'],
        message: 'opendata.field.proposalDataset.required',
      });
  });
export type AnswerProposalInput = z.infer<typeof answerProposalInput>;

/** One information resource of the inventory (10.5). */
export const informationResourceInput = z
  .object({
    name: text(300, 'opendata.field.resourceName.required', 'opendata.field.title.long'),
    description: text(2000, 'opendata.field.description.required', 'opendata.field.description.long'),
    publishable: z.enum(['yes', 'no', 'later'], { error: 'opendata.field.publishable.required' }),
    reason: z.string().trim().max(1000, 'opendata.field.description.long').optional(),
    plannedFor: z.string().trim().max(100, 'opendata.field.title.long').optional(),
    /** a reference book or classifier the body keeps outside the portal (10.2) */
    referenceBook: checked,
    /** the dataset that publishes it, once one does */
    datasetIdentifier: optionalIdentifier,
  })
  .superRefine((v, ctx) => {
    if (v.publishable === 'no' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'opendata.field.reason.required' });
    if (v.publishable === 'later' && !v.plannedFor)
      ctx.addIssue({ code: 'custom', path: ['plannedFor'], message: 'opendata.field.plannedFor.required' });
  });
