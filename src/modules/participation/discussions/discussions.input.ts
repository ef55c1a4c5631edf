import { z } from 'zod';
import { moderationModes, positions } from './discussions.model.ts';

const checkbox = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => v !== undefined && v !== '');

/** A date typed by a person: ДД.ММ.ГГГГ or ГГГГ-ММ-ДД → YYYY-MM-DD. */
function day(message: string) {
  return z
    .string({ message })
    .trim()
    .transform((t, ctx) => {
      const m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/) ?? t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
      if (!m) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      const [d, mo, y] = t.includes('.') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const date = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return iso;
    });
}

/** The longest proposed wording (a whole article with its parts fits). */
export const WORDING_MAX = 10_000;

/** A comment or a reply as a person writes it. */
export const commentInput = z.object({
  text: z
    .string({ message: 'disc.comment.text.required' })
    .trim()
    .min(1, 'disc.comment.text.required')
    .max(5000, 'disc.comment.text.tooLong'),
  position: z
    .enum(positions, { message: 'disc.comment.position.invalid' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** the proposed new wording, where the discussion takes one (a draft regulation's) */
  wording: z
    .string()
    .trim()
    .max(WORDING_MAX, 'disc.comment.wording.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined)),
  anchor: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  parentId: z
    .uuid({ message: 'disc.comment.parent.invalid' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** the separate consent to show the person's name in this discussion */
  showName: checkbox,
  /** staff of the body answer on its behalf */
  official: checkbox,
});
export type CommentInput = z.infer<typeof commentInput>;

/** An author's edit within the window. */
export const editCommentInput = z.object({
  text: commentInput.shape.text,
});

/** A reader's report of a comment. */
export const reportInput = z.object({
  reason: z
    .string({ message: 'disc.report.reason.required' })
    .trim()
    .min(3, 'disc.report.reason.required')
    .max(1000, 'disc.report.reason.tooLong'),
});

/** A moderator hides a comment and says why (the reason shows in its place). */
export const hideInput = z.object({
  reason: z
    .string({ message: 'disc.hide.reason.required' })
    .trim()
    .min(3, 'disc.hide.reason.required')
    .max(500, 'disc.hide.reason.tooLong'),
});

/** A moderator bars the author of a comment for a number of days. */
export const banInput = z.object({
  days: z.coerce
    .number({ message: 'disc.ban.days.invalid' })
    .int('disc.ban.days.invalid')
    .min(1, 'disc.ban.days.invalid')
    .max(365, 'disc.ban.days.invalid'),
  banReason: hideInput.shape.reason,
});

/** A standalone discussion topic staff open for their organisation. */
export const topicInput = z
  .object({
    title: z
      .string({ message: 'disc.topic.title.required' })
      .trim()
      .min(3, 'disc.topic.title.required')
      .max(300, 'disc.topic.title.tooLong'),
    description: z
      .string({ message: 'disc.topic.description.required' })
      .trim()
      .min(1, 'disc.topic.description.required')
      .max(20000, 'disc.topic.description.tooLong'),
    rules: z.string().trim().max(5000, 'disc.topic.rules.tooLong').optional().default(''),
    opensOn: day('disc.topic.opensOn.invalid'),
    closesOn: day('disc.topic.closesOn.invalid'),
    moderation: z.enum(moderationModes, { message: 'disc.topic.moderation.required' }),
    positionRequired: checkbox,
    identificationRequired: checkbox,
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], message: 'disc.topic.closesOn.beforeOpens' });
export type TopicInput = z.infer<typeof topicInput>;

/** The body's summary of the outcome and the comments it refers to. */
export const outcomeInput = z.object({
  outcome: z
    .string({ message: 'disc.outcome.text.required' })
    .trim()
    .min(10, 'disc.outcome.text.required')
    .max(20000, 'disc.outcome.text.tooLong'),
  comments: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
