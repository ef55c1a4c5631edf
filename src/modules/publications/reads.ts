import type { Deps } from '../../platform/deps.ts';

/** What the read use cases of publications need: the database only. */
export type ReadDeps = Pick<Deps, 'db'>;

/** A page of a list: which one (from 1) and how many items on it. */
export type Paged = { page: number; perPage: number };

/** How many pages a list of `total` items takes (at least one, so an empty list has a page). */
export const pagesOf = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));
