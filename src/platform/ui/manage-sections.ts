import type { Actor } from '../authz/index.ts';

/**
 * The sections of the staff area /manage. Each module registers its own
 * (from its index.ts, at import time); /manage lists those the person's roles
 * open, so no module edits another to add its link.
 */
export type ManageSection = {
  /** stable key, e.g. 'accounts.users', 'orgs', 'audit' */
  key: string;
  href: string;
  /** i18n keys */
  titleKey: string;
  descriptionKey?: string;
  /** smaller first; ties by key */
  order?: number;
  /** does this person's role set open the section? */
  visible: (actor: Actor) => boolean;
};

const sections = new Map<string, ManageSection>();

/** Add (or replace, by key) a section of /manage. */
export function registerManageSection(s: ManageSection): void {
  sections.set(s.key, s);
}

/** The sections this person may open, in order. */
export function manageSectionsFor(actor: Actor): ManageSection[] {
  return [...sections.values()]
    .filter((s) => s.visible(actor))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.key.localeCompare(b.key));
}
