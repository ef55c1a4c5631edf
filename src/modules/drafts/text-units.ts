/**
 * Splitting a draft's text into the structural units of a Russian legal act
 * (статья, часть, пункт, подпункт, абзац), each with a key that stays the same
 * across versions while its numbering does, so that a proposal, a finding of
 * the expertise and the address /drafts/<id>/text#unit-<key> keep pointing at it.
 */

export const unitKinds = ['article', 'part', 'point', 'subpoint', 'paragraph'] as const;
export type UnitKind = (typeof unitKinds)[number];

export type TextUnit = {
  key: string;
  kind: UnitKind;
  /** how the unit is cited: «часть 1 статьи 2», «подпункт «а» пункта 3» */
  label: string;
  parentKey: string | null;
  position: number;
  text: string;
};

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** A number or letter as it may stand in an address (2.1 → 2-1, «а» → a). */
function slug(n: string): string {
  return [...n.toLowerCase()]
    .map((c) => TRANSLIT[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const ARTICLE = /^Статья\s+(\d+(?:\.\d+)?)\.?(?:\s|$)/i;
const NUMBERED = /^(\d+(?:\.\d+)*)\.(?:\s|$)/;
const BRACKETED = /^(\d+(?:\.\d+)?)\)\s/;
const LETTERED = /^([а-яё])\)\s/i;

/** What a block opens, by how it starts (see splitUnits). */
function classify(text: string, inArticle: boolean, inPoint: boolean): { kind: UnitKind; n: string } {
  const article = text.match(ARTICLE);
  if (article) return { kind: 'article', n: article[1] as string };
  const numbered = text.match(NUMBERED)?.[1];
  const bracketed = text.match(BRACKETED)?.[1];
  const lettered = text.match(LETTERED)?.[1];
  if (inArticle) {
    if (numbered && !numbered.includes('.')) return { kind: 'part', n: numbered };
    if (bracketed) return { kind: 'point', n: bracketed };
  } else {
    if (numbered) return { kind: 'point', n: numbered };
    if (bracketed && inPoint) return { kind: 'subpoint', n: bracketed };
  }
  if (lettered) return { kind: 'subpoint', n: lettered };
  return { kind: 'paragraph', n: '' };
}

type Open = { key: string; label: string; kind: UnitKind; paragraphs: number };

/**
 * The units of a text given as its blocks (paragraphs, list items, headings),
 * in order. Inside articles «1.» opens a part, «1)» a point and «а)» a
 * subpoint; without articles «1.» and «1.1.» open points, «1)» and «а)»
 * subpoints. Any other block is an абзац of the unit open above it.
 */
export function splitUnits(blocks: readonly string[]): TextUnit[] {
  const units: TextUnit[] = [];
  const seen = new Set<string>();
  let article: Open | null = null;
  let part: Open | null = null;
  let point: Open | null = null;
  let subpoint: Open | null = null;
  let topParagraphs = 0;

  const add = (kind: UnitKind, key: string, label: string, parent: Open | null, text: string): Open => {
    let k = key;
    for (let i = 2; seen.has(k); i++) k = `${key}-${i}`;
    seen.add(k);
    units.push({ key: k, kind, label, parentKey: parent?.key ?? null, position: units.length, text });
    return { key: k, label, kind, paragraphs: 0 };
  };
  const of = (u: Open | null) => (u ? ` ${genitive(u)}` : '');

  for (const raw of blocks) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const c = classify(text, article !== null, point !== null);
    if (c.kind === 'article') {
      article = add('article', `st-${slug(c.n)}`, `Статья ${c.n}`, null, text);
      part = point = subpoint = null;
    } else if (c.kind === 'part' && article) {
      part = add('part', `${article.key}-ch-${slug(c.n)}`, `часть ${c.n}${of(article)}`, article, text);
      point = subpoint = null;
    } else if (c.kind === 'point') {
      const parent = article ? (part ?? article) : null;
      const key = parent ? `${parent.key}-p-${slug(c.n)}` : `p-${slug(c.n)}`;
      point = add('point', key, `пункт ${c.n}${of(parent)}`, parent, text);
      subpoint = null;
    } else if (c.kind === 'subpoint') {
      const parent = point ?? part ?? article;
      const key = parent ? `${parent.key}-pp-${slug(c.n)}` : `pp-${slug(c.n)}`;
      const label = /\d/.test(c.n) ? `подпункт ${c.n}${of(parent)}` : `подпункт «${c.n}»${of(parent)}`;
      subpoint = add('subpoint', key, label, parent, text);
    } else {
      const parent = subpoint ?? point ?? part ?? article;
      const n = parent ? ++parent.paragraphs + 1 : ++topParagraphs;
      const key = parent ? `${parent.key}-abz-${n}` : `abz-${n}`;
      add('paragraph', key, `абзац ${n}${of(parent)}`, parent, text);
    }
  }
  return units;
}

/** «пункт 3» → «пункта 3», for labels like «подпункт «а» пункта 3». */
function genitive(u: Open): string {
  return u.label
    .replace(/^Статья /, 'статьи ')
    .replace(/^часть /, 'части ')
    .replace(/^пункт /, 'пункта ')
    .replace(/^подпункт /, 'подпункта ')
    .replace(/^абзац /, 'абзаца ');
}

/** The blocks of an HTML text (paragraphs, headings, list items), as plain text. */
export function blocksOfHtml(html: string): string[] {
  const out: string[] = [];
  const re = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  for (let m = re.exec(html); m; m = re.exec(html))
    out.push(decodeEntities((m[2] as string).replace(/<[^>]+>/g, '')));
  return out;
}

/** The blocks of plain text: one per non-empty line. */
export function blocksOfText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}
