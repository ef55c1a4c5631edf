/**
 * Search as a platform piece: modules declare what they make searchable
 * (defineSearchSource, the manifest's `search` entry) and write their public
 * items into one index in their own transactions (searchIndex); the search
 * module's pages, API, feeds and legal reference read it (searchQuery).
 */

export {
  CANDIDATES,
  COUNT_CAP,
  cleanQuery,
  FACET_SET,
  type FacetCount,
  type Highlighted,
  type LegalEntry,
  latestEntries,
  legalReferenceQuery,
  QUERY_MAX,
  type SearchHit,
  type SearchOptions,
  type SearchParams,
  type SearchResult,
  type SearchSort,
  searchEntriesQuery,
  splitHighlight,
  suggestSpelling,
} from './query.ts';
export {
  defineSearchSource,
  type Labelled,
  labelOf,
  type SearchContentType,
  type SearchDocStatus,
  type SearchSource,
  searchSources,
  searchVocabulary,
} from './registry.ts';
export { reindexAll } from './reindex.ts';
export {
  docNumberKey,
  type SearchEntryInput,
  type SearchRequisites,
  searchIndex,
} from './writer.ts';
