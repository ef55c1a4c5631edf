import { z } from 'zod';
import { factorCodes } from './prescreen.ts';

/** Rows of findings the HTML form offers (the API takes up to MAX_FINDINGS). */
export const FORM_FINDING_ROWS = 3;
export const MAX_FINDINGS = 50;
const TEXT_MAX = 5_000;

const finding = z.object({
  unit: z.string().trim().min(1, 'expertise.unit.required'),
  factor: z.enum(factorCodes, 'expertise.factor.required'),
  description: z
    .string()
    .trim()
    .min(1, 'expertise.description.required')
    .max(TEXT_MAX, 'expertise.description.tooLong'),
  proposal: z
    .string()
    .trim()
    .min(1, 'expertise.proposal.required')
    .max(TEXT_MAX, 'expertise.proposal.tooLong'),
});
export type FindingInput = z.infer<typeof finding>;

/** A conclusion as the API takes it: findings, or none with «коррупциогенные факторы не выявлены». */
export const conclusionInput = z
  .object({
    result: z.enum(['factors', 'none'], 'expertise.result.required'),
    findings: z.array(finding).max(MAX_FINDINGS, 'expertise.findings.tooMany').default([]),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'factors' && v.findings.length === 0)
      ctx.addIssue({ code: 'custom', path: ['findings'], message: 'expertise.findings.required' });
    if (v.result === 'none' && v.findings.length > 0)
      ctx.addIssue({ code: 'custom', path: ['result'], message: 'expertise.result.noneWithFindings' });
  });
export type ConclusionInput = z.infer<typeof conclusionInput>;

const rowField = (name: string, i: number) => `${name}-${i}`;
const FIELDS = ['unit', 'factor', 'description', 'proposal'] as const;

/**
 * The HTML form: the result and rows of fields (`unit-1`, `factor-1`, …); blank
 * rows are dropped, a half-filled row is named field by field, and the rows
 * become the API's input.
 */
export const conclusionFormInput = z.record(z.string(), z.unknown()).transform((body, ctx) => {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  const findings: FindingInput[] = [];
  for (let i = 1; i <= FORM_FINDING_ROWS; i++) {
    const row = Object.fromEntries(FIELDS.map((f) => [f, str(rowField(f, i))]));
    if (FIELDS.every((f) => row[f] === '')) continue;
    const parsed = finding.safeParse(row);
    if (parsed.success) findings.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: [rowField(String(issue.path[0]), i)], message: issue.message });
  }
  const result = str('result');
  const whole = conclusionInput.safeParse({ result, findings });
  if (!whole.success) {
    for (const issue of whole.error.issues)
      ctx.addIssue({
        code: 'custom',
        // «add a finding» points at the first row's unit
        path: [issue.path[0] === 'findings' ? rowField('unit', 1) : String(issue.path[0])],
        message: issue.message,
      });
    return z.NEVER;
  }
  return whole.data;
});

/** The body's reasoned answer to a conclusion. */
export const conclusionAnswerInput = z.object({
  answer: z.string().trim().min(1, 'expertise.answer.required').max(20_000, 'expertise.answer.tooLong'),
});

/** An entry of the register of accredited experts. */
export const expertInput = z.object({
  kind: z.enum(['person', 'organisation'], 'expertise.expert.kind.required'),
  name: z.string().trim().min(1, 'expertise.expert.name.required').max(300, 'expertise.expert.name.tooLong'),
  orderNumber: z
    .string()
    .trim()
    .min(1, 'expertise.expert.orderNumber.required')
    .max(60, 'expertise.expert.orderNumber.tooLong'),
  orderDate: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}\.\d{4}$/, 'expertise.expert.orderDate.invalid')
    .transform((d) => d.split('.').reverse().join('-'))
    .refine(
      (d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d),
      'expertise.expert.orderDate.invalid',
    ),
  email: z.union([z.literal(''), z.email('expertise.expert.email.invalid')]).default(''),
});
export type ExpertInput = z.infer<typeof expertInput>;
