import shipped from './data/totk-2026.1-partial.json' with { type: 'json' };

/**
 * The ТОТК classifier of appeal topics, shipped as versioned data
 * (src/modules/appeals/data/totk-<version>.json). Codes are
 * section.theme.topic.question[.subquestion], four digits each; a question
 * (4 or 5 parts) is what an appeal is classified by and reported to ССТУ.РФ.
 */
export type TotkLevel = 1 | 2 | 3 | 4 | 5;

export type TotkItem = {
  code: string;
  nameRu: string;
  nameEn?: string | undefined;
  /** the name still has to be checked against the current edition */
  verify?: boolean | undefined;
};

export type TotkData = {
  classifier: string;
  /** the edition's id */
  version: string;
  /** the edition's date, YYYY-MM-DD: the newest edition is the one appeals are classified by */
  date: string;
  /** 'full' or 'partial' (this deployment ships a partial edition: see the file's note) */
  edition: 'full' | 'partial';
  note?: string;
  items: TotkItem[];
};

export type TotkNode = TotkItem & { level: TotkLevel; parentCode: string | null };

/** The format of a question code (law-ru.md §2). */
export const QUESTION_CODE_RE = /^\d{4}\.\d{4}\.\d{4}\.\d{4}(\.\d{4})?$/;
/** Any classifier code: a section, theme, topic, question or subquestion. */
export const TOTK_CODE_RE = /^\d{4}(\.\d{4}){0,4}$/;

export function levelOf(code: string): TotkLevel {
  return code.split('.').length as TotkLevel;
}

export function parentOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** Everything wrong with a classifier file, as plain sentences; empty when it is valid. */
export function validateTotk(data: unknown): string[] {
  const errors: string[] = [];
  const d = data as Partial<TotkData> | null;
  if (!d || typeof d !== 'object') return ['not an object'];
  if (typeof d.version !== 'string' || !/^[\w.-]+$/.test(d.version))
    errors.push('version missing or not a plain word');
  if (typeof d.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.date))
    errors.push('date missing or not YYYY-MM-DD');
  if (d.edition !== 'full' && d.edition !== 'partial') errors.push('edition must be "full" or "partial"');
  if (!Array.isArray(d.items) || d.items.length === 0) return [...errors, 'items missing'];
  const seen = new Set<string>();
  for (const it of d.items) {
    const code = (it as TotkItem)?.code;
    if (typeof code !== 'string' || !TOTK_CODE_RE.test(code)) {
      errors.push(`bad code: ${String(code)}`);
      continue;
    }
    if (levelOf(code) >= 4 && !QUESTION_CODE_RE.test(code)) errors.push(`bad question code: ${code}`);
    if (seen.has(code)) errors.push(`duplicate code: ${code}`);
    seen.add(code);
    if (typeof it.nameRu !== 'string' || it.nameRu.trim() === '') errors.push(`no Russian name: ${code}`);
  }
  for (const code of seen) {
    const parent = parentOf(code);
    if (parent !== null && !seen.has(parent)) errors.push(`parent missing: ${code} (needs ${parent})`);
  }
  return errors;
}

/** A loaded classifier: nodes by code, in the file's order, with lookups the pages need. */
export class Totk {
  readonly version: string;
  readonly date: string;
  readonly edition: 'full' | 'partial';
  readonly nodes: TotkNode[];
  private readonly byCode: Map<string, TotkNode>;

  constructor(data: TotkData) {
    const errors = validateTotk(data);
    if (errors.length > 0) throw new Error(`ТОТК ${data.version}: ${errors.join('; ')}`);
    this.version = data.version;
    this.date = data.date;
    this.edition = data.edition;
    this.nodes = data.items.map((it) => ({ ...it, level: levelOf(it.code), parentCode: parentOf(it.code) }));
    this.byCode = new Map(this.nodes.map((n) => [n.code, n]));
  }

  get(code: string): TotkNode | undefined {
    return this.byCode.get(code);
  }

  /** Is this a question (or subquestion) of the classifier, the level appeals are classified by? */
  isQuestion(code: string): boolean {
    const n = this.byCode.get(code);
    return n !== undefined && n.level >= 4;
  }

  /** The name in the page's language (Russian when there is no English name). */
  name(code: string, locale: 'ru' | 'en'): string {
    const n = this.byCode.get(code);
    if (!n) return code;
    return locale === 'en' && n.nameEn ? n.nameEn : n.nameRu;
  }

  /** The node and its ancestors, section first. */
  path(code: string): TotkNode[] {
    const out: TotkNode[] = [];
    for (let c: string | null = code; c !== null; c = parentOf(c)) {
      const n = this.byCode.get(c);
      if (n) out.unshift(n);
    }
    return out;
  }

  /** The questions grouped by section and theme, in the file's order, for the topic picker. */
  questionGroups(): { section: TotkNode; theme: TotkNode; questions: TotkNode[] }[] {
    const groups = new Map<string, { section: TotkNode; theme: TotkNode; questions: TotkNode[] }>();
    for (const n of this.nodes) {
      if (n.level < 4) continue;
      const [s, th] = n.code.split('.');
      const key = `${s}.${th}`;
      let g = groups.get(key);
      if (!g) {
        const section = this.byCode.get(s as string);
        const theme = this.byCode.get(key);
        if (!section || !theme) continue;
        g = { section, theme, questions: [] };
        groups.set(key, g);
      }
      g.questions.push(n);
    }
    return [...groups.values()].sort((a, b) => a.theme.code.localeCompare(b.theme.code));
  }

  /** Rows for the appeal_topics table (code, parent, level, name, version, position). */
  rows(): {
    code: string;
    parentCode: string | null;
    level: number;
    nameRu: string;
    version: string;
    position: number;
  }[] {
    return this.nodes.map((n, position) => ({
      code: n.code,
      parentCode: n.parentCode,
      level: n.level,
      nameRu: n.nameRu,
      version: this.version,
      position,
    }));
  }
}

let current: Totk | undefined;

/** The classifier edition this release ships (validated once, on first use). */
export function shippedTotk(): Totk {
  current ??= new Totk(shipped as TotkData);
  return current;
}

/** One line (CSV) or element (JSON) of an edition file that is wrong, in plain words. */
export type TotkFileError = { line: number; message: string };

/**
 * Read an official edition file: CSV «код;наименование» (one code a line, a
 * header line and a BOM allowed, the name may be quoted) or JSON of the same
 * shape (an array of `{ "code", "name" }`, or `{ "код", "наименование" }`).
 * Checks every code's format, duplicates, names and that each code's parent
 * (section, theme, topic) is in the file; an error names its line (or element).
 */
export function parseTotkFile(
  text: string,
  format: 'csv' | 'json',
): { items: TotkItem[]; errors: TotkFileError[] } {
  const entries: { line: number; code: string; name: string }[] = [];
  const errors: TotkFileError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (e) {
      return { items: [], errors: [{ line: 0, message: `not JSON: ${(e as Error).message}` }] };
    }
    if (!Array.isArray(data)) return { items: [], errors: [{ line: 0, message: 'JSON must be an array' }] };
    data.forEach((el, i) => {
      const o = (el ?? {}) as Record<string, unknown>;
      const code = o.code ?? o.код;
      const name = o.name ?? o.nameRu ?? o.наименование;
      entries.push({
        line: i + 1,
        code: typeof code === 'string' ? code.trim() : '',
        name: typeof name === 'string' ? name.trim() : '',
      });
    });
  } else {
    body.split(/\r?\n/).forEach((raw, i) => {
      const l = raw.trim();
      if (l === '') return;
      const at = l.indexOf(';');
      const code = (at < 0 ? l : l.slice(0, at)).trim().replace(/^"(.*)"$/, '$1');
      // a header line («код;наименование»): no digit where a code starts
      if (i === 0 && !/^\d/.test(code)) return;
      let name = at < 0 ? '' : l.slice(at + 1).trim();
      if (/^".*"$/.test(name)) name = name.slice(1, -1).replace(/""/g, '"');
      entries.push({ line: i + 1, code, name });
    });
  }
  if (entries.length === 0) errors.push({ line: 0, message: 'the file has no codes' });
  const firstLine = new Map<string, number>();
  const nameOf = new Map<string, string>();
  for (const e of entries) {
    if (!TOTK_CODE_RE.test(e.code)) {
      errors.push({
        line: e.line,
        message: `bad code «${e.code}»: expected four digits per level, e.g. 0001.0002.0027.0145`,
      });
      continue;
    }
    const seen = firstLine.get(e.code);
    if (seen !== undefined) errors.push({ line: e.line, message: `code ${e.code} repeats line ${seen}` });
    else {
      firstLine.set(e.code, e.line);
      nameOf.set(e.code, e.name);
    }
    if (e.name === '') errors.push({ line: e.line, message: `code ${e.code} has no name` });
  }
  for (const e of entries) {
    const parent = TOTK_CODE_RE.test(e.code) ? parentOf(e.code) : null;
    if (parent !== null && !firstLine.has(parent))
      errors.push({ line: e.line, message: `code ${e.code} has no parent ${parent} in the file` });
  }
  errors.sort((a, b) => a.line - b.line);
  const items = [...nameOf].map(([code, nameRu]) => ({ code, nameRu }));
  return { items, errors };
}
