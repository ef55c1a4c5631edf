import { z } from 'zod';
import { PERIOD_RE } from './progress.ts';

export const planKinds = [
  'public_activity',
  'departmental_openness',
  'comprehensive',
  'municipal_openness',
  'anti_corruption',
] as const;
export type PlanKind = (typeof planKinds)[number];

export const planStatuses = ['draft', 'discussion', 'agreement', 'approved', 'completed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const itemKinds = ['goal', 'task', 'indicator', 'activity'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const activityStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const directions = ['up', 'down'] as const;

export const planActions = ['start_discussion', 'submit', 'agree', 'return', 'approve', 'complete'] as const;
export type PlanAction = (typeof planActions)[number];

const year = (msg: string) => z.coerce.number({ message: msg }).int(msg).min(2000, msg).max(2100, msg);

/** A number as people type it: «12», «-3», «12,5» or «12.5». */
export const decimal = (msg: string) =>
  z
    .string({ message: msg })
    .trim()
    .regex(/^-?\d{1,12}(?:[.,]\d{1,6})?$/, msg)
    .transform((v) => Number(v.replace(',', '.')));

/** An optional number: empty is null. */
const optionalDecimal = (msg: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      if (!/^-?\d{1,12}(?:[.,]\d{1,6})?$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: msg });
        return z.NEVER;
      }
      return Number(v.replace(',', '.'));
    });

const optionalText = (max: number, msg: string) =>
  z
    .string()
    .trim()
    .max(max, msg)
    .optional()
    .transform((v) => (v ? v : null));

/** A new plan: whose, which kind, which years, optionally from the project office's template. */
export const planInput = z
  .object({
    orgId: z.uuid({ message: 'plans.input.org' }),
    kind: z.enum(planKinds, { message: 'plans.input.kind' }),
    templateId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid({ message: 'plans.input.template' }).nullable()),
    titleRu: z
      .string({ message: 'plans.input.title' })
      .trim()
      .min(1, 'plans.input.title')
      .max(500, 'plans.input.title'),
    summaryRu: optionalText(5000, 'plans.input.summary'),
    periodStart: year('plans.input.periodStart'),
    periodEnd: year('plans.input.periodEnd'),
  })
  .refine((p) => p.periodEnd >= p.periodStart && p.periodEnd - p.periodStart <= 10, {
    message: 'plans.input.periodEnd',
    path: ['periodEnd'],
  });
export type PlanInput = z.infer<typeof planInput>;

/** Links as staff type them, one a line: «Название | https://…» (kind before a colon optional: «decree: …»). */
const linksText = z
  .string()
  .max(10000, 'plans.input.links')
  .optional()
  .transform((v, ctx) => {
    const out: { kind: string; title: string; url: string }[] = [];
    for (const line of (v ?? '').split(/\r?\n/)) {
      const l = line.trim();
      if (!l) continue;
      const m =
        /^(?:(strategy|decree|programme|evidence|news|document|dataset|practice):\s*)?(.+?)\s*\|\s*(\S+)$/.exec(
          l,
        );
      const url = m?.[3] ?? '';
      if (!m || !(url.startsWith('/') || /^https?:\/\//.test(url)) || url.startsWith('//')) {
        ctx.addIssue({ code: 'custom', message: 'plans.input.links' });
        return z.NEVER;
      }
      out.push({ kind: m[1] ?? 'document', title: m[2] as string, url });
    }
    return out;
  });

/** One item of the tree (goal, task, indicator, activity); the fields that apply to its kind. */
export const itemInput = z
  .object({
    kind: z.enum(itemKinds, { message: 'plans.input.itemKind' }),
    parentId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid({ message: 'plans.input.parent' }).nullable()),
    code: optionalText(20, 'plans.input.code'),
    titleRu: z
      .string({ message: 'plans.input.title' })
      .trim()
      .min(1, 'plans.input.title')
      .max(1000, 'plans.input.title'),
    descriptionRu: optionalText(10000, 'plans.input.description'),
    weight: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v.trim() === '' ? '1' : v))
      .pipe(decimal('plans.input.weight'))
      .refine((w) => w > 0 && w <= 1000, 'plans.input.weight'),
    unit: optionalText(50, 'plans.input.unit'),
    direction: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.enum(directions, { message: 'plans.input.direction' }).nullable()),
    baseline: optionalDecimal('plans.input.baseline'),
    baselineYear: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const y = Number(v);
        if (!/^\d{4}$/.test(v) || y < 2000 || y > 2100) {
          ctx.addIssue({ code: 'custom', message: 'plans.input.baselineYear' });
          return z.NEVER;
        }
        return y;
      }),
    contractWeight: optionalDecimal('plans.input.contractWeight'),
    deadline: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.iso.date({ message: 'plans.input.deadline' }).nullable()),
    activityStatus: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.enum(activityStatuses, { message: 'plans.input.activityStatus' }).nullable()),
    responsibleName: optionalText(300, 'plans.input.responsible'),
    responsiblePosition: optionalText(500, 'plans.input.responsible'),
    implementsItemId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid({ message: 'plans.input.implements' }).nullable()),
    links: linksText,
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'goal' && v.parentId === null)
      ctx.addIssue({ code: 'custom', message: 'plans.input.parent', path: ['parentId'] });
    if (v.kind === 'indicator') {
      if (!v.unit) ctx.addIssue({ code: 'custom', message: 'plans.input.unit', path: ['unit'] });
      if (!v.direction)
        ctx.addIssue({ code: 'custom', message: 'plans.input.direction', path: ['direction'] });
      if ((v.baseline === null) !== (v.baselineYear === null))
        ctx.addIssue({ code: 'custom', message: 'plans.input.baselineYear', path: ['baselineYear'] });
    }
    if (v.kind === 'activity' && !v.deadline)
      ctx.addIssue({ code: 'custom', message: 'plans.input.deadline', path: ['deadline'] });
  });
export type ItemInput = z.infer<typeof itemInput>;

/** The targets of an indicator: one field per period, `target_2026`, `target_2026-Q1`; empty means none. */
export const targetsInput = z.record(z.string(), z.unknown()).transform((body, ctx) => {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(body)) {
    if (!k.startsWith('target_')) continue;
    const period = k.slice('target_'.length);
    if (!PERIOD_RE.test(period)) {
      ctx.addIssue({ code: 'custom', message: 'plans.input.period', path: [k] });
      continue;
    }
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') continue;
    if (!/^-?\d{1,12}(?:[.,]\d{1,6})?$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'plans.input.value', path: [k] });
      continue;
    }
    out.set(period, Number(s.replace(',', '.')));
  }
  return out;
});

/** A reported actual value of an indicator. */
export const actualInput = z.object({
  period: z
    .string({ message: 'plans.input.period' })
    .trim()
    .toUpperCase()
    .regex(PERIOD_RE, 'plans.input.period'),
  value: decimal('plans.input.value'),
  reportedOn: z.iso.date({ message: 'plans.input.reportedOn' }),
  source: z
    .string({ message: 'plans.input.source' })
    .trim()
    .min(1, 'plans.input.source')
    .max(1000, 'plans.input.source'),
  comment: optionalText(5000, 'plans.input.comment'),
});
export type ActualInput = z.infer<typeof actualInput>;

/** A step of the approval route with its remarks (required when returning a plan). */
export const transitionInput = z
  .object({
    action: z.enum(planActions, { message: 'plans.input.action' }),
    remarks: optionalText(10000, 'plans.input.remarks'),
    discussionResult: optionalText(20000, 'plans.input.discussionResult'),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'return' && !v.remarks)
      ctx.addIssue({ code: 'custom', message: 'plans.input.remarks', path: ['remarks'] });
  });
export type TransitionInput = z.infer<typeof transitionInput>;

/** The annual report as staff edit it: their text, the council's co-report; save as a draft or publish. */
export const reportInput = z.object({
  textRu: z
    .string({ message: 'plans.input.reportText' })
    .trim()
    .min(1, 'plans.input.reportText')
    .max(100000, 'plans.input.reportText'),
  coReportRu: optionalText(100000, 'plans.input.coReport'),
  action: z.enum(['save', 'publish', 'unpublish'], { message: 'plans.input.reportAction' }),
});
export type ReportInput = z.infer<typeof reportInput>;

export const campaignKinds = ['news', 'event', 'interview', 'video'] as const;

/**
 * The media campaign of a reporting period (task 5.5), one entry a line:
 * «ГГГГ-ММ-ДД Название | https://…», a kind before a colon optional
 * («event: 2027-02-10 Отчётная встреча | /…»; news when none).
 */
export const campaignInput = z.object({
  campaignLinks: z
    .string()
    .max(20000, 'plans.input.campaign')
    .optional()
    .transform((v, ctx) => {
      const out: { kind: string; date: string; title: string; url: string }[] = [];
      for (const line of (v ?? '').split(/\r?\n/)) {
        const l = line.trim();
        if (!l) continue;
        const m = /^(?:(news|event|interview|video):\s*)?(\d{4}-\d{2}-\d{2})\s+(.+?)\s*\|\s*(\S+)$/.exec(l);
        const url = m?.[4] ?? '';
        const date = m?.[2] ?? '';
        if (
          !m ||
          !z.iso.date().safeParse(date).success ||
          !(url.startsWith('/') || /^https?:\/\//.test(url)) ||
          url.startsWith('//')
        ) {
          ctx.addIssue({ code: 'custom', message: 'plans.input.campaign' });
          return z.NEVER;
        }
        out.push({ kind: m[1] ?? 'news', date, title: m[3] as string, url });
      }
      return out.sort((a, b) => a.date.localeCompare(b.date));
    }),
});
export type CampaignInput = z.infer<typeof campaignInput>;
