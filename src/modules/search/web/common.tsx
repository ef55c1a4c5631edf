import type { Locale } from '../../../platform/i18n/index.ts';
import type { Highlighted, Labelled } from '../../../platform/search/index.ts';
import { labelOf, searchVocabulary } from '../../../platform/search/index.ts';
import type { OrgRow } from '../../orgs/index.ts';

/** Highlighted text: matched words in <mark>, everything escaped by Preact. */
export function Marked({ parts }: { parts: Highlighted }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

export function orgLabel(o: OrgRow | undefined, locale: Locale): string {
  if (!o) return '';
  return locale === 'en' && o.nameEn ? o.nameEn : (o.shortNameRu ?? o.nameRu);
}

export function vocabLabel(
  kind: 'types' | 'topics' | 'docTypes' | 'docStatuses',
  key: string,
  locale: Locale,
) {
  const m = searchVocabulary()[kind] as Map<string, Labelled>;
  return labelOf(m.get(key), key, locale);
}
