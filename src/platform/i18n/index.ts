/**
 * Message catalogues: Russian first, English second. Each module defines its
 * own catalogue with defineMessages and registers it here through its manifest;
 * a key missing in English falls back to Russian.
 */
export const locales = ['ru', 'en'] as const;
export type Locale = (typeof locales)[number];
export type Messages = Record<string, string>;
export type Catalogue = { ru: Messages; en: Partial<Messages> };

const ru: Messages = {};
const en: Messages = {};

export function defineMessages<T extends Messages>(c: { ru: T; en: { [K in keyof T]?: string } }): Catalogue {
  Object.assign(ru, c.ru);
  Object.assign(en, c.en);
  return c as Catalogue;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v);
}

/** A translator for one locale; unknown keys are returned as they are, so plain text passes through. */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const template = (locale === 'en' ? (en[key] ?? ru[key]) : ru[key]) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

export function hasMessage(key: string): boolean {
  return key in ru;
}

/** Russian plural forms: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
