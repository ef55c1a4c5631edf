import { FREQUENCIES } from './opendata.input.ts';
import type { DatasetSummary } from './opendata.repository.ts';

/** The checks of a dataset's quality the system can make by itself, in the order the passport shows them. */
export const QUALITY_CHECKS = [
  'fresh',
  'structured',
  'valid',
  'machineReadable',
  'described',
  'contact',
  'licence',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];
export type Quality = { checks: Record<QualityCheck, boolean>; score: number };

/**
 * A dataset's quality (0–100): fresh against its declared frequency, structure
 * documented, data valid against the current structure (uploads are checked
 * before they publish, so a version on the current structure is valid),
 * machine-readable files served, described, a contact given, a licence stated.
 */
export function qualityOf(ds: DatasetSummary, now: Date): Quality {
  const maxDays = FREQUENCIES[ds.frequency as keyof typeof FREQUENCIES]?.days ?? null;
  const latest = ds.latest;
  const ageDays = latest ? (now.getTime() - latest.stamp.getTime()) / 86_400_000 : Number.POSITIVE_INFINITY;
  const checks: Record<QualityCheck, boolean> = {
    fresh: latest !== null && (maxDays === null || ageDays <= maxDays),
    structured: ds.structure?.columns.every((c) => c.titleRu.trim() !== '') === true,
    valid: latest !== null && ds.structure !== null && latest.structureId === ds.structure.id,
    machineReadable: latest !== null && latest.rowCount > 0,
    described: ds.description.trim().length >= 40 && ds.keywords.length > 0,
    contact: Boolean(ds.publisherName && ds.publisherPhone && ds.publisherEmail),
    licence: Boolean(ds.license),
  };
  const passed = QUALITY_CHECKS.filter((k) => checks[k]).length;
  return { checks, score: Math.round((passed / QUALITY_CHECKS.length) * 100) };
}
