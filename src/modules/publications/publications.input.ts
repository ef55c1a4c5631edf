import { z } from 'zod';
import { InvalidInput } from '../../platform/errors/index.ts';

/** Kinds of news and media items (task 3.3). */
export const mediaKinds = ['news', 'press_release', 'announcement', 'interview', 'video'] as const;
export type MediaKind = (typeof mediaKinds)[number];
export const publicationKinds = [...mediaKinds, 'document', 'section'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

/** Document types (requisites, task 8.3). */
export const docTypes = [
  'закон',
  'постановление',
  'распоряжение',
  'приказ',
  'указ',
  'решение',
  'план',
  'отчёт',
  'доклад',
  'протокол',
  'положение',
  'регламент',
  'порядок',
  'программа',
  'информация',
  // The region's own acts: a register of their own (/legal-acts), published by the government only.
  'закон_области',
  'постановление_правительства',
  'распоряжение_правительства',
  'указ_губернатора',
] as const;
export type DocType = (typeof docTypes)[number];

/** The region's laws and the government's and governor's acts: the register at /legal-acts. */
export const regionalActTypes = [
  'закон_области',
  'постановление_правительства',
  'распоряжение_правительства',
  'указ_губернатора',
] as const satisfies readonly DocType[];

/** How each document type reads in the interface: [Russian, English]. */
export const docTypeLabels: Record<DocType, readonly [string, string]> = {
  закон: ['Закон', 'Law'],
  постановление: ['Постановление', 'Resolution'],
  распоряжение: ['Распоряжение', 'Order'],
  приказ: ['Приказ', 'Order (ministerial)'],
  указ: ['Указ', 'Decree'],
  решение: ['Решение', 'Decision'],
  план: ['План', 'Plan'],
  отчёт: ['Отчёт', 'Report'],
  доклад: ['Доклад', 'Statement'],
  протокол: ['Протокол', 'Minutes'],
  положение: ['Положение', 'Regulation'],
  регламент: ['Регламент', 'Procedure'],
  порядок: ['Порядок', 'Rules'],
  программа: ['Программа', 'Programme'],
  информация: ['Информация', 'Information'],
  закон_области: ['Закон Калининградской области', 'Law of Kaliningrad Oblast'],
  постановление_правительства: [
    'Постановление Правительства Калининградской области',
    'Resolution of the Government of Kaliningrad Oblast',
  ],
  распоряжение_правительства: [
    'Распоряжение Правительства Калининградской области',
    'Order of the Government of Kaliningrad Oblast',
  ],
  указ_губернатора: [
    'Указ Губернатора Калининградской области',
    'Decree of the Governor of Kaliningrad Oblast',
  ],
};

/** The region's acts come from the government alone: another body choosing one is a mistake to fix on the form. */
export function checkDocTypeAllowed(docType: string, orgKind: string): void {
  if ((regionalActTypes as readonly string[]).includes(docType) && orgKind !== 'government')
    throw new InvalidInput([{ field: 'docType', message: 'publications.docType.regionalOnly' }]);
}

/** A document type's name in the interface language (the key itself when unknown). */
export function docTypeLabel(key: string | null | undefined, locale: string): string {
  if (!key) return '';
  const l = docTypeLabels[key as DocType];
  return l ? (locale === 'en' ? l[1] : l[0]) : key;
}

export const docStatuses = ['проект', 'действует', 'изменён', 'утратил_силу'] as const;
export type DocStatus = (typeof docStatuses)[number];

const text = (max: number, key: string) => z.string().trim().max(max, key);
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((v) => (v ? v : null));

/** «a, b; c» or a list → trimmed, lower-cased, unique words; at most 20. */
const wordList = (key: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      [
        ...new Set(
          (Array.isArray(v) ? v : (v ?? '').split(/[,;\n]/))
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        ),
      ].slice(0, 20),
    )
    .refine((l) => l.every((s) => s.length <= 60), key);

/** A date as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД → ГГГГ-ММ-ДД; empty → null. */
export const dateField = (key: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const ru = v.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
      const iso = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
      const [y, m, d] = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
      const date = y && m && d ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
      if (
        !date ||
        date.getUTCDate() !== Number(d) ||
        date.getUTCFullYear() < 1990 ||
        date.getUTCFullYear() > 2100
      ) {
        ctx.addIssue({ code: 'custom', message: key });
        return z.NEVER;
      }
      return date.toISOString().slice(0, 10);
    });

const numberList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [
      ...new Set((Array.isArray(v) ? v : (v ?? '').split(/[,;\n]/)).map((s) => s.trim()).filter(Boolean)),
    ].slice(0, 20),
  );

const httpUrl = z
  .string()
  .trim()
  .max(500, 'publications.videoUrl.invalid')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), 'publications.videoUrl.invalid');

/** News, press release, announcement, interview or video (task 3.3). */
export const mediaItemInput = z.object({
  kind: z.enum(mediaKinds, { message: 'publications.kind.required' }),
  title: text(300, 'publications.title.tooLong').min(1, 'publications.title.required'),
  summary: optionalText(600, 'publications.summary.tooLong'),
  body: text(200_000, 'publications.body.tooLong').min(1, 'publications.body.required'),
  topics: wordList('publications.topics.invalid'),
  tags: wordList('publications.tags.invalid'),
  videoUrl: httpUrl,
  transcript: optionalText(200_000, 'publications.transcript.tooLong'),
});
export type MediaItemInput = z.infer<typeof mediaItemInput>;

/** A document with its requisites. */
export const documentInput = z.object({
  docType: z.enum(docTypes, { message: 'publications.docType.required' }),
  docNumber: text(60, 'publications.docNumber.tooLong')
    .min(1, 'publications.docNumber.required')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-/._ ]*$/u, 'publications.docNumber.invalid'),
  docDate: dateField('publications.docDate.invalid').refine(
    (v) => v !== null,
    'publications.docDate.required',
  ),
  docStatus: z.enum(docStatuses, { message: 'publications.docStatus.required' }),
  title: text(600, 'publications.title.tooLong').min(1, 'publications.title.required'),
  summary: optionalText(600, 'publications.summary.tooLong'),
  body: text(500_000, 'publications.body.tooLong').optional().default(''),
  topics: wordList('publications.topics.invalid'),
  tags: wordList('publications.tags.invalid'),
  /** numbers of this organisation's documents that this one amends / cancels */
  amends: numberList,
  cancels: numberList,
});
export type DocumentInput = z.infer<typeof documentInput>;

/** The text of a structured section page. */
export const sectionInput = z.object({
  body: text(500_000, 'publications.body.tooLong').min(1, 'publications.sectionBody.required'),
});
export type SectionInput = z.infer<typeof sectionInput>;

/** Feedback about the site (8.2). */
export const siteFeedbackInput = z.object({
  text: text(4000, 'publications.feedback.tooLong').min(1, 'publications.feedback.required'),
  email: z
    .string()
    .trim()
    .max(254, 'publications.feedback.email')
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, 'publications.feedback.email')
    .transform((v) => (v ? v : null)),
});
