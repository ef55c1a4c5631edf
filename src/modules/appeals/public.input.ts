import { z } from 'zod';

/** A question and answer of a body's FAQ (task 4.3), as staff write it. */
export const faqInput = z.object({
  orgId: z.uuid({ message: 'appeals.faq.org.required' }),
  question: z
    .string({ message: 'appeals.faq.question.required' })
    .trim()
    .min(1, 'appeals.faq.question.required')
    .max(2000, 'appeals.faq.question.tooLong'),
  answer: z
    .string({ message: 'appeals.faq.answer.required' })
    .trim()
    .min(1, 'appeals.faq.answer.required')
    .max(20000, 'appeals.faq.answer.tooLong'),
});
export type FaqInput = z.infer<typeof faqInput>;

/** Which answered appeal to turn into an FAQ item. */
export const faqFromAppealInput = z.object({
  number: z
    .string({ message: 'appeals.faq.number.required' })
    .trim()
    .min(1, 'appeals.faq.number.required')
    .max(60, 'appeals.faq.number.notFound')
    .transform((v) => v.toUpperCase()),
});

/** The findings staff confirmed, by index, in the question and in the answer. */
export const faqConfirmInput = z.object({
  q: z.union([z.string(), z.array(z.string())]).optional(),
  a: z.union([z.string(), z.array(z.string())]).optional(),
});

/** A quarter's review: which one, and the body's comment on measures taken. */
export const reviewInput = z.object({
  orgId: z.uuid({ message: 'appeals.faq.org.required' }),
  year: z.coerce
    .number({ message: 'appeals.review.year.invalid' })
    .int('appeals.review.year.invalid')
    .min(2020, 'appeals.review.year.invalid')
    .max(2100, 'appeals.review.year.invalid'),
  quarter: z.coerce
    .number({ message: 'appeals.review.quarter.invalid' })
    .int('appeals.review.quarter.invalid')
    .min(1, 'appeals.review.quarter.invalid')
    .max(4, 'appeals.review.quarter.invalid')
    .transform((q) => q as 1 | 2 | 3 | 4),
  comment: z
    .string()
    .trim()
    .max(20000, 'appeals.review.comment.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ReviewInput = z.infer<typeof reviewInput>;

/** Checkbox values as a set of indices. */
export function indexSet(v: string | string[] | undefined): Set<number> {
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return new Set(list.map(Number).filter((n) => Number.isInteger(n) && n >= 0));
}
