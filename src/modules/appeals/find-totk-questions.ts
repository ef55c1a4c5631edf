import type { Deps } from '../../platform/deps.ts';
import { currentTotk } from './current-totk.ts';
import { totkRepository as repo } from './totk.repository.ts';
import type { TotkNode } from './totk.ts';

/** At most this many questions are offered for one search. */
const LIMIT = 20;

/**
 * The ТОТК questions of the current edition that match words of their names
 * (or of their section, theme and topic), best first: the staff classification
 * control's search, a GET that needs no JavaScript (issue 10). The classifier is
 * public, so this needs no access check beyond the page's own.
 */
export async function findTotkQuestions(
  deps: Pick<Deps, 'db'>,
  input: { words: string },
): Promise<{ words: string; found: TotkNode[] }> {
  const words = input.words.trim().replace(/\s+/g, ' ').slice(0, 100);
  // ё and е are one letter to whoever types a search
  const plain = (x: string) => x.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  if (words.length < 2) return { words, found: [] };
  const totk = await currentTotk(deps.db);
  const questions = totk.nodes.filter((n) => n.level >= 4);
  const codes = await repo.searchQuestions(
    deps.db,
    {
      codes: questions.map((q) => q.code),
      names: questions.map((q) => plain(q.nameRu)),
      paths: questions.map((q) =>
        totk
          .path(q.code)
          .slice(0, -1)
          .map((n) => plain(n.nameRu))
          .join(' '),
      ),
    },
    plain(words),
    LIMIT,
  );
  return { words, found: codes.map((c) => totk.get(c)).filter((n): n is TotkNode => n !== undefined) };
}
