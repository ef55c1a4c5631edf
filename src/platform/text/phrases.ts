/**
 * Finding listed phrases in Russian text. A pattern is words separated by
 * spaces; a word ending in `*` matches any ending (a poor man's lemma: «осуществл*»
 * finds осуществляет, осуществление…); «е» also matches «ё»; a «.» may be
 * followed by a space («и т.п.» finds «и т. п.»). Matching ignores case and stops
 * at word edges, so «может» does not fire inside «приумножает».
 */
import type { Span } from './readability.ts';

const ESCAPE = /[\\^$+?()[\]{}|/]/g;

/** The regular expression of one pattern (global, case-insensitive, Unicode). */
export function compilePattern(pattern: string): RegExp {
  const words = pattern.trim().split(/\s+/).map(compileWord);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

function compileWord(word: string): string {
  const stem = word.endsWith('*');
  const body = (stem ? word.slice(0, -1) : word)
    .replace(ESCAPE, '\\$&')
    .replace(/\*/g, '')
    .replace(/[её]/giu, '[её]')
    .replace(/\./g, '\\.\\s?');
  return stem ? `${body}[\\p{L}]*` : body;
}

export type Match = Span & { text: string };

/** Every place one of the patterns matches, in text order. */
export function findAll(text: string, patterns: readonly RegExp[]): Match[] {
  const out: Match[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Drops spans that overlap an earlier (or, at the same start, a longer) one, for marking a text. */
export function withoutOverlaps<T extends Span>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let edge = -1;
  for (const s of sorted) {
    if (s.start < edge) continue;
    out.push(s);
    edge = s.end;
  }
  return out;
}

/** A text cut into plain pieces and marked pieces, for rendering marks without building HTML. */
export function segments<T extends Span>(text: string, marks: readonly T[]): { text: string; mark?: T }[] {
  const out: { text: string; mark?: T }[] = [];
  let at = 0;
  for (const m of withoutOverlaps(marks)) {
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), mark: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
