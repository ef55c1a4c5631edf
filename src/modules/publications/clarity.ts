import { type Clarity, checkClarity } from '../../platform/text/clarity.ts';
import { htmlToText, sanitizeRichText } from './sanitize.ts';

export type TextClarity = { text: string; clarity: Clarity };

/**
 * The clarity check (concept 9.1) of a news item or document: its title,
 * summary and body as one plain text, each a paragraph. `body` is what staff
 * typed (plain lines or HTML) or the stored HTML: both pass the same sanitiser.
 */
export function publicationClarity(p: {
  title?: string | null;
  summary?: string | null;
  body?: string | null;
}) {
  const text = [p.title, p.summary, htmlToText(sanitizeRichText(p.body ?? ''))]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join('\n');
  return { text, clarity: checkClarity(text) } satisfies TextClarity;
}

/** Whether a form post asks for the clarity check (the «Проверить текст» button) instead of saving. */
export function asksForClarityCheck(body: unknown): boolean {
  return !!body && typeof body === 'object' && (body as Record<string, unknown>).check === 'text';
}
