import { z } from 'zod';
import { dateField, docTypes } from '../publications/index.ts';

/** Inputs of the drafts module: one schema per form, shared by the HTML form and the JSON API. */

const text = (max: number, key: string) => z.string().trim().max(max, key);
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((v) => (v ? v : null));

export const impactDegrees = ['high', 'medium', 'low'] as const;
export type ImpactDegree = (typeof impactDegrees)[number];

export const draftStages = ['notice', 'discussion', 'expertise', 'summary', 'decision'] as const;
export type DraftStage = (typeof draftStages)[number];

export const draftOutcomes = ['adopted', 'returned', 'withdrawn'] as const;
export type DraftOutcome = (typeof draftOutcomes)[number];

export const planStates = [
  'planned',
  'in_progress',
  'discussion',
  'adopted',
  'postponed',
  'cancelled',
] as const;
export type PlanState = (typeof planStates)[number];

export const planHorizons = ['annual', 'medium_term'] as const;

/** учтено, учтено частично, не учтено */
export const proposalPositions = ['accepted', 'partly', 'rejected'] as const;
export type ProposalPosition = (typeof proposalPositions)[number];

const year = (key: string) => z.coerce.number({ message: key }).int(key).min(2000, key).max(2100, key);

/** One planned act of the legislative plan (tasks 9.1, 9.2). */
export const planItemInput = z
  .object({
    year: year('drafts.plan.year.invalid'),
    horizon: z.enum(planHorizons, { message: 'drafts.plan.horizon.required' }),
    yearTo: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .refine(
        (v) => v === null || (Number.isInteger(v) && v >= 2000 && v <= 2100),
        'drafts.plan.yearTo.invalid',
      ),
    title: text(400, 'drafts.title.tooLong').min(1, 'drafts.plan.title.required'),
    problem: text(4000, 'drafts.plan.problem.tooLong').min(1, 'drafts.plan.problem.required'),
    affects: text(2000, 'drafts.plan.affects.tooLong').min(1, 'drafts.plan.affects.required'),
    actType: optionalText(60, 'drafts.actType.invalid'),
    plannedFrom: dateField('drafts.date.invalid'),
    plannedTo: dateField('drafts.date.invalid'),
    responsibleName: text(200, 'drafts.plan.responsible.tooLong').min(1, 'drafts.plan.responsible.required'),
    responsiblePosition: optionalText(300, 'drafts.plan.responsible.tooLong'),
    state: z.enum(planStates, { message: 'drafts.plan.state.required' }),
    councilOpinion: optionalText(8000, 'drafts.councilOpinion.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.plannedFrom && v.plannedTo && v.plannedTo < v.plannedFrom)
      ctx.addIssue({ code: 'custom', path: ['plannedTo'], message: 'drafts.plan.plannedTo.beforeFrom' });
    if (v.horizon === 'medium_term' && (v.yearTo === null || v.yearTo <= v.year))
      ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'drafts.plan.yearTo.required' });
  });
export type PlanItemInput = z.infer<typeof planItemInput>;

/** A new draft: its card before any text (the notice of intent opens with it). */
export const draftInput = z.object({
  title: text(600, 'drafts.title.tooLong').min(1, 'drafts.title.required'),
  summary: text(4000, 'drafts.summary.tooLong').min(1, 'drafts.summary.required'),
  actType: z.enum(docTypes, { message: 'drafts.actType.required' }),
  impactDegree: z.enum(impactDegrees, { message: 'drafts.impactDegree.required' }),
  planItemId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.uuid().safeParse(v).success, 'drafts.planItem.invalid'),
});
export type DraftInput = z.infer<typeof draftInput>;

/** The text of a version typed in (a DOCX comes as a file beside it). */
export const draftTextInput = z.object({
  text: optionalText(1_000_000, 'drafts.text.tooLong'),
  note: optionalText(500, 'drafts.note.tooLong'),
});
export type DraftTextInput = z.infer<typeof draftTextInput>;

/** Opening the discussion: its last day (at least the minimum period of the draft's impact degree). */
export const openDiscussionInput = z.object({
  endsOn: dateField('drafts.date.invalid').refine((v) => v !== null, 'drafts.endsOn.required'),
});

/** The developer's position on one proposal; the justification is required unless учтено. */
export const positionInput = z
  .object({
    commentId: z.uuid('drafts.position.comment'),
    position: z.enum(proposalPositions, { message: 'drafts.position.required' }),
    justification: optionalText(4000, 'drafts.justification.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.position !== 'accepted' && !v.justification)
      ctx.addIssue({ code: 'custom', path: ['justification'], message: 'drafts.justification.required' });
  });
export type PositionInput = z.infer<typeof positionInput>;

/** The decision on a draft; an adopted one carries the act's requisites. */
export const decisionInput = z
  .object({
    outcome: z.enum(draftOutcomes, { message: 'drafts.outcome.required' }),
    docNumber: optionalText(60, 'drafts.docNumber.invalid'),
    docDate: dateField('drafts.date.invalid'),
    note: optionalText(2000, 'drafts.note.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'adopted') return;
    if (!v.docNumber)
      ctx.addIssue({ code: 'custom', path: ['docNumber'], message: 'drafts.docNumber.required' });
    if (!v.docDate) ctx.addIssue({ code: 'custom', path: ['docDate'], message: 'drafts.docDate.required' });
  });
export type DecisionInput = z.infer<typeof decisionInput>;

/** The public council's conclusion on the draft (task 1.4). */
export const councilConclusionInput = z.object({
  conclusion: text(20_000, 'drafts.councilConclusion.tooLong').min(1, 'drafts.councilConclusion.required'),
});

/** A link to another discussion of the draft: a social network, another portal (task 9.5). */
export const draftLinkInput = z.object({
  linkTitle: text(200, 'drafts.link.titleTooLong').min(1, 'drafts.link.titleRequired'),
  linkUrl: z
    .string()
    .trim()
    .max(500, 'drafts.link.url')
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'drafts.link.url'),
});
