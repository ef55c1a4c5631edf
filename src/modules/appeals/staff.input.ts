import { z } from 'zod';
import { unknownPlaceholders } from './answer-templates.ts';
import { obstructionFindings, obstructionMeasures } from './appeals.model.ts';
import { queueSortKeys } from './appeals.repository.ts';
import { CHOICE_TERMS, DAY_TERMS, type EditableDeadlineSettings } from './appeals.settings.ts';
import { questionStatuses } from './outcomes.ts';

/*
 * The staff forms' schemas (GET filters and POST actions). Messages are i18n
 * keys in staff.messages.ts.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalUuid = (msg: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || UUID.test(v), msg);

/** The queue's GET filters; a wrong value is reported, never a 500. */
export const queueQueryInput = z
  .object({
    status: z
      .enum(
        [
          '',
          'all',
          'registered',
          'in_review',
          'extended',
          'awaiting_signature',
          'answer_signed',
          'sent',
          'closed',
          'forwarded',
          'left_without_answer',
          'returned',
          'withdrawn',
          'open',
        ],
        {
          message: 'appeals.staff.filter.status.invalid',
        },
      )
      .optional(),
    org: optionalUuid('appeals.staff.filter.org.invalid'),
    officer: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || v === 'me' || v === 'none' || UUID.test(v),
        'appeals.staff.filter.officer.invalid',
      ),
    topic: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^\d{4}(\.\d{4}){0,4}$/.test(v), 'appeals.staff.filter.topic.invalid'),
    due: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || (/^\d{1,3}$/.test(v) && Number(v) <= 365), 'appeals.staff.filter.due.invalid'),
    overdue: z.string().optional(),
    obstruction: z.string().optional(),
    // sort keys are an allow-list; anything else falls back to the default order
    sort: z.enum(queueSortKeys).catch('due'),
    dir: z.enum(['asc', 'desc']).catch('asc'),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .transform((v) => ({
    status: v.status === 'all' ? undefined : v.status || undefined,
    org: v.org,
    officer: v.officer || undefined,
    topic: v.topic || undefined,
    due: v.due ? Number(v.due) : undefined,
    overdue: v.overdue === '1' || v.overdue === 'on',
    obstruction: v.obstruction === '1' || v.obstruction === 'on',
    sort: { key: v.sort, dir: v.dir },
    page: v.page,
  }));

/** Bulk assignment from the queue: the ticked appeals and one officer. */
export const bulkAssignInput = z.object({
  userId: z
    .string({ message: 'appeals.staff.bulk.officerRequired' })
    .regex(UUID, 'appeals.staff.bulk.officerRequired'),
  ids: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : (v ?? [])),
    z
      .array(z.string().regex(UUID, 'appeals.staff.bulk.noneChosen'))
      .min(1, 'appeals.staff.bulk.noneChosen')
      .max(200, 'appeals.staff.bulk.tooMany'),
  ),
});

export const assignInput = z.object({
  userId: z.string().regex(UUID, 'appeals.staff.assign.notOfficer'),
});

const requiredText = (max: number, msg: string) => z.string().trim().min(1, msg).max(max, msg);

export const classifyInput = z
  .object({
    topic1: z.string().trim().optional(),
    topic2: z.string().trim().optional(),
    topic3: z.string().trim().optional(),
  })
  .transform((v, ctx) => {
    const codes = [v.topic1, v.topic2, v.topic3].filter((c): c is string => !!c);
    if (codes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['topic1'], message: 'appeals.staff.topic.required' });
    return { questions: codes.map((topicCode) => ({ topicCode })) };
  });

// Every field is checked in one pass, so the summary names all that is wrong at once.
export const forwardInput = z
  .object({
    mode: z.string().optional(),
    targetOrg: z.string().trim().optional(),
    targetName: z.string().trim().max(300, 'appeals.staff.forward.targetRequired').optional(),
    complainedOrg: z.string().trim().optional(),
    forwardReason: z.string().trim().optional(),
  })
  .transform((v, ctx) => {
    const mode: 'forward' | 'copy' | null = v.mode === 'forward' || v.mode === 'copy' ? v.mode : null;
    if (!mode)
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'appeals.staff.forward.mode.required' });
    const reason = v.forwardReason ?? '';
    if (reason === '' || reason.length > 2000)
      ctx.addIssue({
        code: 'custom',
        path: ['forwardReason'],
        message: 'appeals.staff.forward.reason.required',
      });
    const targets: ({ orgId: string } | { name: string })[] = [];
    if (v.targetOrg) {
      if (!UUID.test(v.targetOrg))
        ctx.addIssue({
          code: 'custom',
          path: ['targetOrg'],
          message: 'appeals.staff.forward.targetRequired',
        });
      else targets.push({ orgId: v.targetOrg });
    }
    if (v.targetName) targets.push({ name: v.targetName });
    if (targets.length === 0)
      ctx.addIssue({ code: 'custom', path: ['targetOrg'], message: 'appeals.staff.forward.targetRequired' });
    if (v.complainedOrg && !UUID.test(v.complainedOrg))
      ctx.addIssue({
        code: 'custom',
        path: ['complainedOrg'],
        message: 'appeals.staff.forward.complainedRequired',
      });
    return {
      mode: mode ?? 'forward',
      targets,
      complainedOrgId: v.complainedOrg || null,
      reason,
    };
  });

/** 59-ФЗ art. 8 ч.7: return a complaint only the body complained about could consider. */
export const returnComplaintInput = z.object({
  // its own name: the forwarding form on the same page has a `complainedOrg` picker too
  returnComplainedOrg: optionalUuid('appeals.staff.forward.complainedRequired'),
  returnReason: requiredText(2000, 'appeals.staff.return.reason.required'),
});

/** Law on mass media art. 40: the date the information will be given and why not within 7 days. */
export const mediaDelayInput = z.object({
  until: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'appeals.staff.media.untilAfterDue'),
  delayReason: requiredText(2000, 'appeals.staff.media.reason.required'),
});

export const extendInput = z.object({
  days: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'appeals.staff.extend.daysWhole')
    .transform(Number),
  extendReason: requiredText(2000, 'appeals.staff.extend.reason.required'),
});

const resultStatus = z
  .enum(['', ...questionStatuses] as [string, ...string[]])
  .optional()
  .transform((v) => v || undefined);

export const answerInput = z
  .object({
    text: requiredText(50_000, 'appeals.staff.answer.text.required'),
    result1: resultStatus,
    result2: resultStatus,
    result3: resultStatus,
    measures1: z.string().optional(),
    measures2: z.string().optional(),
    measures3: z.string().optional(),
    // concept task 6.5: the finding on a complaint of obstructed public control (answerAppeal requires it there)
    obstructionFinding: z
      .enum(['', ...obstructionFindings], 'appeals.staff.obstruction.finding.required')
      .optional()
      .transform((v) => v || undefined),
    obstructionMeasure: z
      .enum(['', ...obstructionMeasures], 'appeals.staff.obstruction.measure.required')
      .optional()
      .transform((v) => v || undefined),
    obstructionMeasureNote: z
      .string()
      .trim()
      .max(1000, 'appeals.staff.obstruction.note.tooLong')
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.obstructionFinding === 'confirmed' && !v.obstructionMeasure)
      ctx.addIssue({
        code: 'custom',
        path: ['obstructionMeasure'],
        message: 'appeals.staff.obstruction.measure.required',
      });
    if (v.obstructionFinding === 'confirmed' && v.obstructionMeasure === 'other' && !v.obstructionMeasureNote)
      ctx.addIssue({
        code: 'custom',
        path: ['obstructionMeasureNote'],
        message: 'appeals.staff.obstruction.note.required',
      });
  })
  .transform((v) => ({
    obstruction: {
      finding: v.obstructionFinding,
      measure: v.obstructionMeasure,
      note: v.obstructionMeasureNote,
    },
    text: v.text,
    results: [
      [v.result1, v.measures1],
      [v.result2, v.measures2],
      [v.result3, v.measures3],
    ].map(([status, m]) => ({
      status: (status ?? 'answered_to_author') as never,
      measuresTaken: m === 'yes',
    })),
  }));

export const draftInput = z.object({
  draftText: requiredText(50_000, 'appeals.staff.answer.text.required'),
});

/** An internal comment (staff only). */
export const commentInput = z.object({
  commentText: requiredText(5000, 'appeals.staff.comment.required'),
});

export const leaveInput = z.object({
  reason: z
    .string({ message: 'appeals.staff.leave.reasonRequired' })
    .min(1, 'appeals.staff.leave.reasonRequired'),
  link: z.string().trim().max(500).optional(),
  addressUnreadable: z.string().optional(),
  comment: z.string().trim().max(2000).optional(),
  crimeReportTo: z.string().trim().max(300, 'appeals.staff.leave.crimeReportTo.tooLong').optional(),
});

export const reportQueryInput = z.object({
  org: z.string().regex(UUID, 'appeals.staff.filter.org.invalid'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'appeals.staff.report.monthInvalid'),
  format: z.enum(['html', 'csv', 'xlsx']).optional().default('html'),
});

/** A body's answer template (issue 10): the body, a title, the text with known placeholders only. */
export const answerTemplateInput = z
  .object({
    orgId: z
      .string({ message: 'appeals.templates.org.required' })
      .regex(UUID, 'appeals.templates.org.required'),
    title: requiredText(200, 'appeals.templates.title.required'),
    text: requiredText(20_000, 'appeals.templates.text.required'),
  })
  .superRefine((v, ctx) => {
    const unknown = unknownPlaceholders(v.text);
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'appeals.templates.text.unknownPlaceholder',
        params: { found: unknown.join(', ') },
      });
  });
export type AnswerTemplateInput = z.infer<typeof answerTemplateInput>;

/** Put a template into the answer being written (the appeal page's «Вставить шаблон»). */
export const applyTemplateInput = z.object({
  template: z.string({ message: 'appeals.templates.choose' }).regex(UUID, 'appeals.templates.choose'),
});

/**
 * The administrator's deadline settings form: every term a whole number of
 * days within its bounds (the message names them), each choice one of its
 * options, and the few rules between terms. Every wrong field is reported at once.
 */
export const deadlineSettingsInput = z
  .record(z.string(), z.unknown())
  .transform((raw, ctx): EditableDeadlineSettings => {
    const out: Record<string, number | string> = {};
    for (const term of DAY_TERMS) {
      const text = typeof raw[term.key] === 'string' ? (raw[term.key] as string).trim() : '';
      const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
      if (!(n >= term.min && n <= term.max))
        ctx.addIssue({
          code: 'custom',
          path: [term.key],
          message: `appeals.deadlines.${term.key}.invalid`,
          params: { min: term.min, max: term.max },
        });
      out[term.key] = n;
    }
    for (const [key, { options }] of Object.entries(CHOICE_TERMS)) {
      const v = raw[key];
      if (typeof v === 'string' && (options as readonly string[]).includes(v)) out[key] = v;
      else ctx.addIssue({ code: 'custom', path: [key], message: `appeals.deadlines.${key}.invalid` });
    }
    const s = out as EditableDeadlineSettings;
    if (s.forwardDays >= s.answerDays)
      ctx.addIssue({
        code: 'custom',
        path: ['forwardDays'],
        message: 'appeals.deadlines.forwardDays.beforeAnswer',
      });
    if (s.mediaRequestNoticeDays > s.mediaRequestAnswerDays)
      ctx.addIssue({
        code: 'custom',
        path: ['mediaRequestNoticeDays'],
        message: 'appeals.deadlines.mediaRequestNoticeDays.beforeAnswer',
      });
    return s;
  });
