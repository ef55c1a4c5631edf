import { formatLocalDate } from '../../platform/calendar/format.ts';

/*
 * A body's answer templates (issue 10): staff keep texts with placeholders in
 * braces, and the server fills them from the appeal when an official picks a
 * template on the appeal's page. Placeholders are Russian words, as the texts are.
 */

/** Each placeholder and what it becomes. */
export const PLACEHOLDERS = ['фио', 'имя_отчество', 'номер', 'дата', 'орган'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * What each placeholder stands for, as the i18n key `appeals.templates.placeholder.<label>`:
 * the placeholders stay the Russian words saved texts use, and the English
 * interface explains them in English.
 */
export const PLACEHOLDER_LABELS: Record<Placeholder, string> = {
  фио: 'fullName',
  имя_отчество: 'namePatronymic',
  номер: 'number',
  дата: 'date',
  орган: 'body',
};

const PLACEHOLDER_RE = /\{([^{}\s]{1,40})\}/g;

/** The placeholders a text names that are not known (each once, in the order met). */
export function unknownPlaceholders(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const name = (m[1] as string).toLowerCase();
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) out.add(m[0]);
  }
  return [...out];
}

export type TemplateFacts = {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  number: string;
  registeredOn: string;
  orgName: string;
};

/** The template's text with each known placeholder replaced by the appeal's facts. */
export function fillTemplate(text: string, f: TemplateFacts): string {
  const values: Record<Placeholder, string> = {
    фио: [f.lastName, f.firstName, f.patronymic].filter(Boolean).join(' '),
    имя_отчество: [f.firstName, f.patronymic].filter(Boolean).join(' '),
    номер: f.number,
    дата: formatLocalDate(f.registeredOn),
    орган: f.orgName,
  };
  return text.replace(
    PLACEHOLDER_RE,
    (whole, name: string) => values[name.toLowerCase() as Placeholder] ?? whole,
  );
}

/** The answer text after a template is put in: below what was typed, so nothing typed is lost. */
export function withTemplate(typed: string | undefined, filled: string): string {
  const before = (typed ?? '').trimEnd();
  return before === '' ? filled : `${before}\n\n${filled}`;
}
