/**
 * The clarity check of a published text (concept 9.1, the principle of
 * understandability): readability for Russian, long sentences and hits from a
 * versioned list of bureaucratic phrases. It reports figures and hints for the
 * author, never a verdict.
 */
import listJson from './data/plain-language-ru.json' with { type: 'json' };
import { compilePattern, findAll, type Match, withoutOverlaps } from './phrases.ts';
import { type Readability, readability } from './readability.ts';

export type PhraseCategory = 'officialese' | 'cliche' | 'vague' | 'intensifier' | 'filler';
export type PhraseEntry = { id: string; category: PhraseCategory; patterns: string[]; hint: string };
export type PhraseList = { edition: string; title: string; entries: PhraseEntry[] };

export type PhraseHit = Match & { entry: string; category: PhraseCategory; hint: string };

export type Clarity = {
  readability: Readability | null;
  /** the edition of the phrase list the hits come from */
  edition: string;
  /** non-overlapping hits in text order */
  hits: PhraseHit[];
};

export const plainLanguageList: PhraseList = listJson as PhraseList;

type Compiled = { entry: PhraseEntry; patterns: RegExp[] };
const compiledLists = new WeakMap<PhraseList, Compiled[]>();

function compiled(list: PhraseList): Compiled[] {
  let c = compiledLists.get(list);
  if (!c) {
    c = list.entries.map((entry) => ({ entry, patterns: entry.patterns.map(compilePattern) }));
    compiledLists.set(list, c);
  }
  return c;
}

/** Hits of a phrase list in a text (the shipped list unless another edition is given). */
export function phraseHits(text: string, list: PhraseList = plainLanguageList): PhraseHit[] {
  const hits = compiled(list).flatMap(({ entry, patterns }) =>
    findAll(text, patterns).map((m) => ({
      ...m,
      entry: entry.id,
      category: entry.category,
      hint: entry.hint,
    })),
  );
  return withoutOverlaps(hits);
}

/** Readability, long sentences and listed phrases of one text. */
export function checkClarity(text: string, list: PhraseList = plainLanguageList): Clarity {
  return { readability: readability(text), edition: list.edition, hits: phraseHits(text, list) };
}
