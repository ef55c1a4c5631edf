import { z } from 'zod';
import { appliesTo, autoKeys, scales, sources } from './monitoring.model.ts';

const optionalText = z
  .string()
  .trim()
  .max(2000, 'monitoring.err.tooLong')
  .optional()
  .transform((v) => (v ? v : undefined));

const optionalNumber = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

/** A criterion of the methodology, as the project office edits it. */
export const criterionInput = z
  .object({
    questionRu: z
      .string({ error: 'monitoring.err.question' })
      .trim()
      .min(3, 'monitoring.err.question')
      .max(500),
    weight: z
      .string({ error: 'monitoring.err.weight' })
      .trim()
      .transform((v) => Number(v.replace(',', '.')))
      .pipe(
        z
          .number({ error: 'monitoring.err.weight' })
          .gt(0, 'monitoring.err.weight')
          .max(100, 'monitoring.err.weight'),
      ),
    scale: z.enum(scales, { error: 'monitoring.err.scale' }),
    source: z.enum(sources, { error: 'monitoring.err.source' }),
    appliesTo: z.enum(appliesTo, { error: 'monitoring.err.appliesTo' }),
    evidenceRu: optionalText,
    autoKey: z
      .union([z.enum(autoKeys), z.literal('')], { error: 'monitoring.err.autoKey' })
      .optional()
      .transform((v) => (v ? v : undefined)),
    direction: z.enum(['up', 'down']).optional(),
    step1: optionalNumber('monitoring.err.step'),
    step2: optionalNumber('monitoring.err.step'),
    step3: optionalNumber('monitoring.err.step'),
  })
  .superRefine((c, ctx) => {
    if (c.source === 'automatic' && !c.autoKey)
      ctx.addIssue({ code: 'custom', path: ['autoKey'], message: 'monitoring.err.autoKey' });
    if (c.scale === 'number' && (c.step1 === undefined || c.step2 === undefined || c.step3 === undefined))
      ctx.addIssue({ code: 'custom', path: ['step1'], message: 'monitoring.err.steps' });
  });
export type CriterionInput = z.infer<typeof criterionInput>;

const isoDate = z
  .string({ error: 'monitoring.err.cutoff' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'monitoring.err.cutoff')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'monitoring.err.cutoff');

/** A new yearly cycle: the year, the cut-off day of the automatic figures, the organisations. */
export const cycleInput = z.object({
  year: z
    .string({ error: 'monitoring.err.year' })
    .trim()
    .regex(/^\d{4}$/, 'monitoring.err.year')
    .transform(Number)
    .pipe(z.number().min(2000, 'monitoring.err.year').max(2100, 'monitoring.err.year')),
  cutoffOn: isoDate,
  orgIds: z
    .union([z.string(), z.array(z.string())], { error: 'monitoring.err.orgs' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.uuid({ error: 'monitoring.err.orgs' })).min(1, 'monitoring.err.orgs')),
});
export type CycleInput = z.infer<typeof cycleInput>;

/** The self-assessment form: save as a draft or submit; the answers are read by criterion from the body. */
export const selfAssessmentInput = z.object({
  action: z.enum(['save', 'submit'], { error: 'monitoring.err.action' }),
});

/** The project office returns a submitted self-assessment with remarks. */
export const returnInput = z.object({
  remarks: z.string({ error: 'monitoring.err.remarks' }).trim().min(3, 'monitoring.err.remarks').max(4000),
});

/** The project office assigns an expert of the pool to an organisation of the cycle. */
export const assignInput = z.object({
  orgId: z.uuid({ error: 'monitoring.err.org' }),
  expertUserId: z.uuid({ error: 'monitoring.err.expert' }),
});

/** The expert's scores: read by criterion from the body; submitting makes them final. */
export const expertScoresInput = z.object({
  action: z.enum(['save', 'submit'], { error: 'monitoring.err.action' }),
});

/** The project office's reconciled value of a criterion where experts differ. */
export const reconcileInput = z.object({
  orgId: z.uuid({ error: 'monitoring.err.org' }),
  criterionId: z.uuid({ error: 'monitoring.err.criterion' }),
  value: z
    .string({ error: 'monitoring.err.value' })
    .trim()
    .min(1, 'monitoring.err.value')
    .transform((v) => Number(v.replace(',', '.')))
    .pipe(z.number({ error: 'monitoring.err.value' })),
  note: z.string({ error: 'monitoring.err.note' }).trim().min(3, 'monitoring.err.note').max(2000),
});

/** A submitted answer: the value as typed, its evidence link and comment. */
export type TypedAnswer = { value: string; evidenceUrl: string; comment: string };

/** The answers of a form whose fields are named v_<criterionId>, e_<criterionId>, c_<criterionId>. */
export function answersOf(body: Record<string, unknown>, ids: readonly string[]): Map<string, TypedAnswer> {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  return new Map(
    ids.map((id) => [id, { value: s(`v_${id}`), evidenceUrl: s(`e_${id}`), comment: s(`c_${id}`) }]),
  );
}
