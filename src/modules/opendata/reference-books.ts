import type { RegisterEntry } from './get-register.ts';
import type { ResourceRow } from './opendata.repository.ts';

/** One reference book of a body (task 10.2): a dataset of the register, or one declared in the inventory. */
export type ReferenceBook = {
  name: string;
  description: string;
  /** the dataset that publishes it, when there is one with data */
  dataset: RegisterEntry | null;
  /** published, or the inventory's answer: yes (can be, not yet), no (with the reason), later (with when) */
  status: 'published' | 'yes' | 'no' | 'later';
  note: string | null;
};

/**
 * A body's reference books: its datasets marked as reference books (published
 * once they have data), then the inventory's reference books that no such
 * dataset already lists, each published when its dataset exists with data.
 */
export function referenceBooksOf(entries: RegisterEntry[], resources: ResourceRow[]): ReferenceBook[] {
  const byIdentifier = new Map(entries.map((e) => [e.identifier, e]));
  const out: ReferenceBook[] = entries
    .filter((e) => e.referenceBook)
    .map((e) => ({
      name: e.title,
      description: e.description,
      dataset: e,
      status: e.latest ? 'published' : 'yes',
      note: null,
    }));
  const listed = new Set(out.map((b) => b.dataset?.identifier));
  for (const r of resources) {
    if (!r.referenceBook || (r.datasetIdentifier && listed.has(r.datasetIdentifier))) continue;
    const dataset = (r.datasetIdentifier && byIdentifier.get(r.datasetIdentifier)) || null;
    const published = dataset?.latest ? 'published' : null;
    out.push({
      name: r.name,
      description: r.description,
      dataset: published ? dataset : null,
      status: published ?? (r.publishable as 'yes' | 'no' | 'later'),
      note: published
        ? null
        : r.publishable === 'no'
          ? r.reason
          : r.publishable === 'later'
            ? r.plannedFor
            : null,
    });
  }
  return out;
}
