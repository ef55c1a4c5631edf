import { z } from 'zod';

const text = (key: string, max: number) =>
  z
    .string({ message: `${key}.required` })
    .trim()
    .min(1, `${key}.required`)
    .max(max, `${key}.tooLong`);

/** A reference group as the body's staff define it (task 2.1). */
export const groupInput = z.object({
  orgId: z.uuid({ message: 'groups.org.required' }),
  name: text('groups.name', 200),
  who: text('groups.who', 3000),
  why: text('groups.why', 3000),
  how: text('groups.how', 3000),
  channels: text('groups.channels', 2000),
  needsApproval: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});
export type GroupInput = z.infer<typeof groupInput>;

/** Joining: for oneself, or on behalf of an organisation. */
export const joinInput = z.object({
  organisation: z
    .string()
    .trim()
    .max(300, 'groups.join.organisation.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});

const score = (key: string) =>
  z
    .string({ message: `${key}.required` })
    .regex(/^[1-5]$/, `${key}.required`)
    .transform(Number);

/** A member's rating for the current period: feedback channels and services (2.3), the body's work (2.4). */
export const ratingInput = z.object({
  channels: score('groups.rate.channels'),
  work: score('groups.rate.work'),
  comment: z
    .string()
    .trim()
    .max(2000, 'groups.rate.comment.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});

/** A staff decision on a member. */
export const decisionInput = z.object({
  decision: z.enum(['approved', 'rejected'], { message: 'groups.decision.required' }),
});

/** What staff note when passing a group's summary to the public council (task 2.2). */
export const referralInput = z.object({
  note: z
    .string()
    .trim()
    .max(2000, 'groups.refer.note.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});
