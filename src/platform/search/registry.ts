import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';

/** A label in both interface languages. */
export type Labelled = { key: string; ru: string; en: string };

/** A kind of content a module makes searchable. */
export type SearchContentType = Labelled & {
  /**
   * Which region-wide Atom feed the type belongs to: /feeds/news.atom or
   * /feeds/documents.atom (and the per-organisation ones). Omit for none.
   */
  feed?: 'news' | 'documents';
  /** the type carries requisites (type, number, date, status): shown in «Расширенный поиск» */
  requisites?: boolean;
};

/** A document status; `inForce` ones make up the legal reference (task 9.3). */
export type SearchDocStatus = Labelled & { inForce: boolean };

/**
 * What a module declares to search through its manifest (`search` entry) or
 * `defineSearchSource`: its content types, the labels of its facet values and
 * how to rebuild its entries from its own tables (`npm run reindex`).
 */
export type SearchSource = {
  /** the module name; reindex replaces every entry with this module */
  module: string;
  types: SearchContentType[];
  /** topic keys used in entries' `topics`, with labels (facet, legal reference, subscriptions) */
  topics?: Labelled[];
  /** document type keys used in `requisites.docType` */
  docTypes?: Labelled[];
  /** document status keys used in `requisites.status` */
  docStatuses?: SearchDocStatus[];
  /**
   * Re-create every public entry of the module (upsert each through
   * `searchIndex.upsert(tx, …)`); returns how many. The caller has already
   * removed the module's entries inside the same transaction.
   */
  reindex?: (deps: Deps, tx: Tx) => Promise<number>;
};

const sources = new Map<string, SearchSource>();

/**
 * Register a module's search source. Called at import time (like
 * defineMessages), so everything that loads src/modules/index.ts sees every
 * source; returns the source for the module's manifest.
 */
export function defineSearchSource(source: SearchSource): SearchSource {
  sources.set(source.module, source);
  return source;
}

export function searchSources(): SearchSource[] {
  return [...sources.values()];
}

function labelsOf<T extends Labelled>(pick: (s: SearchSource) => T[] | undefined): Map<string, T> {
  const m = new Map<string, T>();
  for (const s of sources.values()) for (const l of pick(s) ?? []) if (!m.has(l.key)) m.set(l.key, l);
  return m;
}

/** Every registered content type, topic, document type and status by key. */
export function searchVocabulary() {
  return {
    types: labelsOf((s) => s.types),
    topics: labelsOf((s) => s.topics),
    docTypes: labelsOf((s) => s.docTypes),
    docStatuses: labelsOf((s) => s.docStatuses),
  };
}

export function labelOf(l: Labelled | undefined, key: string, locale: string): string {
  if (!l) return key;
  return locale === 'en' ? l.en : l.ru;
}
