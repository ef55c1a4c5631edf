import { z } from 'zod';

const localDate = (key: string) =>
  z
    .string({ message: key })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, key)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), key);

/** Lines of a textarea as a list, blank lines dropped. */
const lines = (v: unknown) =>
  (Array.isArray(v) ? v.join('\n') : String(v ?? ''))
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const checkbox = z.preprocess((v) => v === 'yes' || v === 'true' || v === true, z.boolean());

/** A poll as staff write it (task 8.5): form and API. */
export const pollInput = z
  .object({
    orgId: z.uuid({ message: 'polls.input.org' }),
    question: z
      .string({ message: 'polls.input.question' })
      .trim()
      .min(1, 'polls.input.question')
      .max(500, 'polls.input.questionLong'),
    description: z.string().trim().max(5000, 'polls.input.descriptionLong').optional().default(''),
    options: z.preprocess(
      lines,
      z
        .array(z.string().max(300, 'polls.input.optionLong'))
        .min(2, 'polls.input.options')
        .max(30, 'polls.input.optionsMany'),
    ),
    multiple: checkbox,
    opensOn: localDate('polls.input.opensOn'),
    closesOn: localDate('polls.input.closesOn'),
    eligibility: z.enum(['signed_in', 'esia', 'residents'], { message: 'polls.input.eligibility' }),
    residentsOrgId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
    residenceSource: z.enum(['esia', 'declared']).optional().default('declared'),
    changeable: checkbox,
    results: z.enum(['live', 'after_close'], { message: 'polls.input.results' }),
    topic: z.enum(['general', 'opendata_priorities']).optional().default('general'),
    published: checkbox,
  })
  .superRefine((p, ctx) => {
    if (p.closesOn < p.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'polls.input.closesBefore' });
    if (p.eligibility === 'residents' && !p.residentsOrgId)
      ctx.addIssue({ code: 'custom', path: ['residentsOrgId'], message: 'polls.input.residentsOrg' });
    if (new Set(p.options).size !== p.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'polls.input.optionsSame' });
  });
export type PollInput = z.infer<typeof pollInput>;

/** A vote: option indexes (one for a single-choice poll); a declared residence where the poll asks for one. */
export const voteInput = z.object({
  choice: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().min(0).max(29)).min(1, 'polls.vote.choose').max(30),
  ),
  municipalityOrgId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  address: z.string().trim().max(300, 'polls.vote.addressLong').optional(),
});
export type VoteInput = z.infer<typeof voteInput>;

/** A survey's heading and settings, as staff write them. */
export const surveyInput = z
  .object({
    orgId: z.uuid({ message: 'polls.input.org' }),
    title: z
      .string({ message: 'surveys.input.title' })
      .trim()
      .min(1, 'surveys.input.title')
      .max(300, 'surveys.input.titleLong'),
    description: z.string().trim().max(5000, 'polls.input.descriptionLong').optional().default(''),
    anonymous: checkbox,
    opensOn: localDate('polls.input.opensOn'),
    closesOn: localDate('polls.input.closesOn'),
    published: checkbox,
  })
  .superRefine((p, ctx) => {
    if (p.closesOn < p.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'polls.input.closesBefore' });
  });
export type SurveyInput = z.infer<typeof surveyInput>;

export const questionTypes = [
  'short_text',
  'long_text',
  'single',
  'multiple',
  'scale',
  'matrix',
  'date',
  'number',
] as const;

/** One question added by the form builder. */
export const questionInput = z
  .object({
    type: z.enum(questionTypes, { message: 'surveys.question.type' }),
    text: z
      .string({ message: 'surveys.question.text' })
      .trim()
      .min(1, 'surveys.question.text')
      .max(1000, 'surveys.question.textLong'),
    required: checkbox,
    options: z.preprocess(lines, z.array(z.string().max(300, 'polls.input.optionLong')).max(30)),
    rows: z.preprocess(lines, z.array(z.string().max(300, 'polls.input.optionLong')).max(30)),
    scaleMax: z.preprocess(
      (v) => (v === undefined || v === '' ? 5 : v),
      z.coerce.number().pipe(z.union([z.literal(5), z.literal(10)])),
    ),
    showIfKey: z.string().trim().max(40).optional().default(''),
    showIfEquals: z.string().trim().max(300).optional().default(''),
  })
  .superRefine((q, ctx) => {
    if ((q.type === 'single' || q.type === 'multiple' || q.type === 'matrix') && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'surveys.question.options' });
    if (q.type === 'matrix' && q.rows.length < 1)
      ctx.addIssue({ code: 'custom', path: ['rows'], message: 'surveys.question.rows' });
    if (q.showIfKey && !q.showIfEquals)
      ctx.addIssue({ code: 'custom', path: ['showIfEquals'], message: 'surveys.question.showIfEquals' });
  });
export type QuestionInput = z.infer<typeof questionInput>;
