import type { Labelled } from './registry.ts';
import { docNumberKey } from './writer.ts';

/**
 * A document as people cite it: «закон Калининградской области № 112»,
 * «постановление правительства 125-п», «от 12.03.2025 № 45», «125-п».
 * The search ranks entries whose requisites match first.
 */
export type Citation = {
  /** the document type keys the words name (the best-matching labels); empty when none */
  docTypes: string[];
  /** the number as typed («125-п») */
  number: string | null;
  /** the number folded like the index's doc_number_key */
  numberKey: string | null;
  /** YYYY-MM-DD */
  date: string | null;
};

const MONTHS: Record<string, number> = {
  январ: 1,
  феврал: 2,
  март: 3,
  апрел: 4,
  ма: 5,
  июн: 6,
  июл: 7,
  август: 8,
  сентябр: 9,
  октябр: 10,
  ноябр: 11,
  декабр: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** A date written as 12.03.2025 or «12 марта 2025 (г.)»; the text without it. */
function takeDate(s: string): { date: string | null; rest: string } {
  const numeric = s.match(/(?:^|\s)(?:от\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?(?=\s|$)/u);
  if (numeric) {
    const date = isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
    if (date) return { date, rest: s.replace(numeric[0], ' ') };
  }
  const worded = s.match(/(?:^|\s)(?:от\s+)?(\d{1,2})\s+(\p{L}+)\s+(\d{4})(?:\s*(?:г\.?|года))?(?=\s|$)/u);
  if (worded) {
    const word = (worded[2] ?? '').toLowerCase();
    const month = Object.entries(MONTHS).find(([stem]) =>
      stem === 'ма' ? word === 'мая' || word === 'май' : word.startsWith(stem),
    )?.[1];
    const date = month ? isoDate(Number(worded[3]), month, Number(worded[1])) : null;
    if (date) return { date, rest: s.replace(worded[0], ' ') };
  }
  return { date: null, rest: s };
}

/** «№ 112», «N 112-п», or the first word with a digit that reads as a document number. */
function takeNumber(s: string): string | null {
  const marked = s.match(/(?:№|N°|(?:^|\s)No\.?|(?:^|\s)N(?=\s*\d))\s*([\p{L}\p{N}][\p{L}\p{N}\-/.‐‑–—]*)/u);
  if (marked?.[1] && /\p{N}/u.test(marked[1])) return marked[1].replace(/[.]+$/, '');
  for (const word of s.split(/\s+/)) {
    const w = word.replace(/^[«"(]+|[»"),;:.]+$/g, '');
    // «125-п», «45-од», «112/3», «7-пл», «О-2025», or digits alone (a year alone is not a number)
    if (!/^[\p{L}]{0,3}-?\p{N}[\p{L}\p{N}\-/‐‑–—]*$/u.test(w)) continue;
    if (/^\d{4}$/.test(w) && Number(w) >= 1990 && Number(w) <= 2100) continue;
    return w;
  }
  return null;
}

const fold = (w: string) => w.toLowerCase().replace(/ё/g, 'е');
/** A label's word in some case form: its first five letters, and at most three letters of ending more. */
const sameWord = (label: string, typed: string) => {
  const l = fold(label);
  const t = fold(typed);
  return t.startsWith(l.slice(0, 5)) && t.length <= l.length + 3;
};
const wordsOf = (s: string) => s.match(/\p{L}{3,}|\p{L}+(?=\s|$)/gu) ?? [];

/**
 * The requisites a query names. Document types come from the labels the
 * modules declared: a type counts when the query has its first word, and of
 * those, the types with the most of their words in the query win
 * («постановление правительства» → «Постановление Правительства …» over
 * «Постановление»), then those with fewest words the query leaves out. Null when the query names neither a number nor a date.
 */
export function parseCitation(q: string, docTypes: Iterable<Labelled>): Citation | null {
  const { date, rest } = takeDate(q);
  const number = takeNumber(rest);
  if (!number && !date) return null;
  const typed = wordsOf(rest);
  const said = (w: string) => typed.some((x) => sameWord(w, x));
  // Best: most of its words in the query, then fewest words left unsaid.
  let best: [number, number] = [0, 0];
  let chosen: string[] = [];
  for (const t of docTypes) {
    const words = wordsOf(t.ru);
    const [first] = words;
    if (!first || !said(first)) continue;
    const n = words.filter(said).length;
    const score: [number, number] = [n, -(words.length - n)];
    if (score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) {
      best = score;
      chosen = [t.key];
    } else if (score[0] === best[0] && score[1] === best[1]) chosen.push(t.key);
  }
  const numberKey = number ? docNumberKey(number) : null;
  return { docTypes: chosen, number, numberKey: numberKey || null, date };
}
