import { z } from 'zod';

/** Topics a case is listed by (the body's areas of law enforcement). */
export const practiceTopics = [
  'land',
  'construction',
  'business',
  'licensing',
  'social',
  'health',
  'education',
  'transport',
  'housing',
  'environment',
  'other',
] as const;
export type PracticeTopic = (typeof practiceTopics)[number];

export const referralTargets = ['reference_groups', 'public_council'] as const;
export type ReferralTarget = (typeof referralTargets)[number];

export const PRACTICE_TEXT_MAX = 10_000;

const required = (max: number, missing: string, tooLong: string) =>
  z.string(missing).trim().min(1, missing).max(max, tooLong);

/** A citizen's description of a disputed case (the form and the API). */
export const practiceCaseInput = z.object({
  act: required(500, 'practice.act.required', 'practice.act.tooLong'),
  topic: z.enum(practiceTopics, 'practice.topic.required'),
  description: required(PRACTICE_TEXT_MAX, 'practice.description.required', 'practice.description.tooLong'),
  decision: required(2_000, 'practice.decision.required', 'practice.decision.tooLong'),
});
export type PracticeCaseInput = z.infer<typeof practiceCaseInput>;

/** The body's published comment, with the description cleared of personal data. */
export const practiceCommentInput = z.object({
  publicDescription: required(
    PRACTICE_TEXT_MAX,
    'practice.publicDescription.required',
    'practice.publicDescription.tooLong',
  ),
  comment: required(PRACTICE_TEXT_MAX, 'practice.comment.required', 'practice.comment.tooLong'),
});
export type PracticeCommentInput = z.infer<typeof practiceCommentInput>;

/** Taking a case to the reference groups or the public council. */
export const practiceReferralInput = z.object({
  target: z.enum(referralTargets, 'practice.target.required'),
  note: z.string().trim().max(2_000, 'practice.note.tooLong').default(''),
});
export type PracticeReferralInput = z.infer<typeof practiceReferralInput>;

/** The public list's filters (GET). */
export const practiceFilterInput = z.object({
  topic: z.enum(practiceTopics).optional().catch(undefined),
  act: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
