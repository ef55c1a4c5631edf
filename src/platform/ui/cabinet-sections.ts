import type { Actor } from '../authz/index.ts';

/**
 * Links on the citizen's /cabinet that other modules add (my appeals, my
 * comments, my subscriptions): each registers from its index.ts at import
 * time, so no module edits the accounts module to add its link.
 */
export type CabinetSection = {
  key: string;
  href: string;
  /** i18n keys */
  titleKey: string;
  descriptionKey?: string;
  /** smaller first; ties by key */
  order?: number;
  /** shown to everyone signed in unless this says otherwise */
  visible?: (actor: Actor) => boolean;
};

const sections = new Map<string, CabinetSection>();

/** Add (or replace, by key) a link on /cabinet. */
export function registerCabinetSection(s: CabinetSection): void {
  sections.set(s.key, s);
}

/** The links this person sees, in order. */
export function cabinetSectionsFor(actor: Actor): CabinetSection[] {
  return [...sections.values()]
    .filter((s) => (s.visible ? s.visible(actor) : true))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.key.localeCompare(b.key));
}
