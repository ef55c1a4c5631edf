import { z } from 'zod';

const text = (key: string, max: number) =>
  z
    .string({ message: `${key}.required` })
    .trim()
    .min(1, `${key}.required`)
    .max(max, `${key}.tooLong`);

const optionalText = (key: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${key}.tooLong`)
    .optional()
    .transform((v) => (v ? v : null));

/** A date as people type it (ДД.ММ.ГГГГ, or ГГГГ-ММ-ДД), as YYYY-MM-DD. */
const localDate = (key: string) =>
  z
    .string({ message: `${key}.required` })
    .trim()
    .min(1, `${key}.required`)
    .transform((v) =>
      v.replace(
        /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
        (_, d, m, y) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
      ),
    )
    .refine(
      (v) =>
        /^\d{4}-\d{2}-\d{2}$/.test(v) &&
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `${key}.invalid`,
    );
const localTime = (key: string) =>
  z
    .string({ message: `${key}.required` })
    .trim()
    .min(1, `${key}.required`)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${key}.invalid`);

/** A consultation as staff schedule it: topic, official (from the list or typed), window. */
export const consultationInput = z
  .object({
    orgId: z.uuid({ message: 'consult.org.required' }),
    topic: text('consult.topic', 300),
    description: optionalText('consult.description', 5000),
    officialId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid({ message: 'consult.official.required' }).nullable()),
    officialName: optionalText('consult.officialName', 200),
    officialPosition: optionalText('consult.officialPosition', 300),
    date: localDate('consult.date'),
    from: localTime('consult.from'),
    to: localTime('consult.to'),
  })
  .superRefine((v, ctx) => {
    if (!v.officialId && !v.officialName)
      ctx.addIssue({ code: 'custom', path: ['officialName'], message: 'consult.officialName.required' });
    if (!v.officialId && !v.officialPosition)
      ctx.addIssue({
        code: 'custom',
        path: ['officialPosition'],
        message: 'consult.officialPosition.required',
      });
    if (v.from >= v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'consult.to.beforeFrom' });
  });
export type ConsultationInput = z.infer<typeof consultationInput>;

/** A person's question to a consultation. */
export const questionInput = z.object({ body: text('consult.question', 3000) });

/** The official's answer to a question. */
export const answerInput = z.object({ answer: text('consult.answer', 10000) });

/** Why staff hide a question: shown in its place. */
export const hideInput = z.object({ reason: text('consult.hide.reason', 500) });

/**
 * A message to the consultant. `via` is `chat` only when the page's script
 * sent it (the widget shows the answer); the plain form gets the answer by e-mail.
 */
export const chatMessageInput = z.object({
  message: text('chat.message', 3000),
  via: z
    .enum(['chat', 'email'])
    .optional()
    .transform((v) => v ?? 'email'),
});

/** The consultant's answer. */
export const chatAnswerInput = z.object({ message: text('chat.answer', 5000) });

/** A body's chat hours on working days (HH:MM, region time). */
export const chatHoursInput = z
  .object({
    opens: localTime('chat.hours.opens'),
    closes: localTime('chat.hours.closes'),
  })
  .refine((v) => v.opens < v.closes, { path: ['closes'], message: 'chat.hours.closes.beforeOpens' });
export type ChatHours = z.infer<typeof chatHoursInput>;
