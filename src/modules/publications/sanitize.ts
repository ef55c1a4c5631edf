import sanitizeHtml from 'sanitize-html';
import { escapeMarkup } from '../../platform/ui/escape.ts';

/**
 * The allow-list for rich text staff enter: structure, emphasis, lists,
 * tables and links; no scripts, styles, frames, images with remote sources or
 * event handlers. Links keep only http(s), mailto and site-relative targets.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-link' } }),
    h2: sanitizeHtml.simpleTransform('h2', { class: 'govuk-heading-m' }),
    h3: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
    table: sanitizeHtml.simpleTransform('table', { class: 'govuk-table' }),
  },
};

/** Staff-entered HTML reduced to the allow-list; plain text lines become paragraphs. */
export function sanitizeRichText(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') return '';
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(trimmed);
  const html = looksLikeHtml
    ? trimmed
    : trimmed
        .split(/\r?\n\s*\r?\n/)
        .map((p) => `<p>${escapeMarkup(p).replace(/\r?\n/g, '<br>')}</p>`)
        .join('');
  return sanitizeHtml(html, {
    ...options,
    allowedAttributes: { ...options.allowedAttributes, a: ['href', 'title', 'class'], '*': ['class'] },
    allowedClasses: {
      a: ['govuk-link'],
      h2: ['govuk-heading-m'],
      h3: ['govuk-heading-s'],
      p: ['govuk-body'],
      ul: ['govuk-list', 'govuk-list--bullet'],
      ol: ['govuk-list', 'govuk-list--number'],
      table: ['govuk-table'],
    },
  });
}

/** The text of sanitised HTML, for search, diffs and summaries. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|tr|blockquote)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
