import { toLocalDate } from '../../platform/calendar/index.ts';

/** File-name stamps of the methodology, YYYYMMDDTHHMM, in UTC so each maps back to one instant. */
export function fileStamp(d: Date): string {
  return d.toISOString().slice(0, 16).replace(/[-:]/g, '');
}

/** The instant of a file-name stamp, or null when it is not one. */
export function parseFileStamp(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Passport dates, YYYYMMDD, in the region's calendar. */
export function passportDate(d: Date): string {
  return toLocalDate(d).replace(/-/g, '');
}

/**
 * The stamp of a new version: this minute, or a minute after the previous
 * version when that is later (two changes within a minute keep distinct file names).
 */
export function nextStamp(now: Date, previous: Date | undefined): Date {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return previous && previous.getTime() >= minute.getTime() ? new Date(previous.getTime() + 60_000) : minute;
}

export const dataFileName = (version: { stamp: Date }, structure: { stamp: Date }) =>
  `data-${fileStamp(version.stamp)}-structure-${fileStamp(structure.stamp)}`;
export const structureFileName = (structure: { stamp: Date }) => `structure-${fileStamp(structure.stamp)}`;
export const datasetPath = (identifier: string) => `/opendata/${identifier}/`;
