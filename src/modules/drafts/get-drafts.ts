import { diffWords } from 'diff';
import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { type CouncilConclusion, conclusionsOn } from '../councils/index.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  findOrganizationsByIds,
  type OrgRow,
} from '../orgs/index.ts';
import { type DiscussionView, loadDiscussionView } from '../participation/index.ts';
import { draftDiscussion } from './change-draft-stage.ts';
import type { DraftStage } from './drafts.input.ts';
import { canManageDrafts } from './drafts.policy.ts';
import {
  type DraftRow,
  type DraftUnitRow,
  type DraftVersionRow,
  type PlanItemRow,
  draftsRepository as repo,
} from './drafts.repository.ts';
import {
  type DraftExpertise,
  getDraftExpertise,
  type PrescreenHit,
  prescreenUnits,
} from './expertise/index.ts';
import { discussionOpen, type StageView, stagesOf } from './periods.ts';

type ReadDeps = Pick<Deps, 'db' | 'clock'>;
export const DRAFTS_PER_PAGE = 20;

export type DraftListItem = { draft: DraftRow; org: OrgRow | undefined; stages: StageView[] };
export type DraftList = { items: DraftListItem[]; total: number; page: number; org: OrgRow | null };

/** Drafts of the region or of one body, newest first, filtered by stage; everything here is public. */
export async function listDrafts(
  deps: ReadDeps,
  input: { slug?: string | undefined; stage?: DraftStage | undefined; page: number },
): Promise<DraftList> {
  const org = input.slug === undefined ? null : ((await findOrganizationBySlug(deps.db, input.slug)) ?? null);
  if (input.slug !== undefined && !org) throw new NotFound();
  const { rows, total } = await repo.listDrafts(
    deps.db,
    { orgId: org?.id, stage: input.stage },
    { limit: DRAFTS_PER_PAGE, offset: (input.page - 1) * DRAFTS_PER_PAGE },
  );
  const orgs = org ? [org] : await findOrganizationsByIds(deps.db, [...new Set(rows.map((r) => r.orgId))]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const today = toLocalDate(deps.clock.now());
  return {
    items: rows.map((draft) => ({ draft, org: byId.get(draft.orgId), stages: stagesOf(draft, today) })),
    total,
    page: input.page,
    org,
  };
}

export type DraftCard = {
  draft: DraftRow;
  org: OrgRow;
  stages: StageView[];
  versions: DraftVersionRow[];
  planItem: PlanItemRow | undefined;
  /** comments are taken now */
  open: boolean;
  /** the actor keeps this draft (staff links on the public card) */
  canManage: boolean;
};

/** A draft's card: its stages with dates, versions, the plan item it answers to. */
export async function getDraftCard(deps: ReadDeps, actor: Actor, id: string): Promise<DraftCard> {
  const draft = await repo.draft(deps.db, id);
  if (!draft) throw new NotFound();
  const [org, versions, planItem] = await Promise.all([
    findOrganizationById(deps.db, draft.orgId),
    repo.versions(deps.db, draft.id),
    repo.planItemOfDraft(deps.db, draft.id),
  ]);
  if (!org) throw new NotFound();
  const today = toLocalDate(deps.clock.now());
  return {
    draft,
    org,
    stages: stagesOf(draft, today),
    versions,
    planItem,
    open: discussionOpen(draft, today),
    canManage: canManageDrafts(actor, org),
  };
}

/** One version of the text (the latest by default) with its structural units. */
export async function getDraftText(
  deps: ReadDeps,
  actor: Actor,
  input: { id: string; version?: number | undefined },
): Promise<DraftCard & { version: number; units: DraftUnitRow[]; hints: Map<string, PrescreenHit[]> }> {
  const card = await getDraftCard(deps, actor, input.id);
  const version = input.version ?? card.draft.textVersion;
  if (version < 1 || version > card.draft.textVersion) throw new NotFound();
  const units = await repo.units(deps.db, card.draft.id, version);
  // the pre-screening hints of the expertise, marked on the units they fired on (hints, never a conclusion)
  const hints = prescreenUnits(units.map((u) => ({ ref: u.key, text: u.text })));
  return { ...card, version, units, hints };
}

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type UnitDiff = {
  key: string;
  label: string;
  /** same | changed | added | removed */
  change: 'same' | 'changed' | 'added' | 'removed';
  before: DiffPart[];
  after: DiffPart[];
};

/**
 * Two versions side by side, unit by unit (matched by key, in the newer
 * version's order, removed units where they stood): each side with its words
 * marked as removed or added.
 */
export async function getDraftDiff(
  deps: ReadDeps,
  actor: Actor,
  input: { id: string; from: number; to: number },
): Promise<DraftCard & { from: number; to: number; units: UnitDiff[] }> {
  const card = await getDraftCard(deps, actor, input.id);
  const n = card.draft.textVersion;
  if (input.from < 1 || input.to < 1 || input.from > n || input.to > n) throw new NotFound();
  const [a, b] = await Promise.all([
    repo.units(deps.db, card.draft.id, input.from),
    repo.units(deps.db, card.draft.id, input.to),
  ]);
  const oldByKey = new Map(a.map((u) => [u.key, u]));
  const newKeys = new Set(b.map((u) => u.key));
  const units: UnitDiff[] = [];
  const removedBefore = (pos: number) =>
    a.filter((u) => !newKeys.has(u.key) && u.position <= pos && !units.some((x) => x.key === u.key));
  for (const u of b) {
    const old = oldByKey.get(u.key);
    for (const r of removedBefore(old?.position ?? -1))
      units.push({
        key: r.key,
        label: r.label,
        change: 'removed',
        before: [{ value: r.text, removed: true }],
        after: [],
      });
    if (!old) {
      units.push({
        key: u.key,
        label: u.label,
        change: 'added',
        before: [],
        after: [{ value: u.text, added: true }],
      });
      continue;
    }
    const parts = diffWords(old.text, u.text);
    units.push({
      key: u.key,
      label: u.label,
      change: old.text === u.text ? 'same' : 'changed',
      before: parts.filter((p) => !p.added),
      after: parts.filter((p) => !p.removed),
    });
  }
  for (const r of removedBefore(Number.MAX_SAFE_INTEGER))
    units.push({
      key: r.key,
      label: r.label,
      change: 'removed',
      before: [{ value: r.text, removed: true }],
      after: [],
    });
  return { ...card, from: input.from, to: input.to, units };
}

export type DraftPage = DraftCard & {
  discussion: DiscussionView | null;
  expertise: DraftExpertise;
  /** the public councils' conclusions published on this draft (councils module), each open for discussion */
  councilConclusions: CouncilConclusion[];
};

/**
 * The card with its public discussion (comments and proposals on its units), once opened,
 * the anti-corruption expertise as far as the card shows it (hints, conclusions, answers), and
 * the public councils' conclusions on it (task 1.4: the councils module publishes each with its
 * own discussion; the secretary names the draft by its card's address, local or full).
 */
export async function getDraftPage(
  deps: ReadDeps & Pick<Deps, 'config'>,
  actor: Actor,
  id: string,
): Promise<DraftPage> {
  const card = await getDraftCard(deps, actor, id);
  const path = `/drafts/${card.draft.id}`;
  // the card's draft and organisation are passed on, so neither is read twice (at most 10 statements a page)
  const [d, expertise, councilConclusions] = await Promise.all([
    draftDiscussion(deps.db, card.draft.id),
    getDraftExpertise(deps, actor, card.draft.id, card.draft),
    conclusionsOn(deps.db, [path, `${deps.config.publicUrl.replace(/\/$/, '')}${path}`]),
  ]);
  return {
    ...card,
    discussion: d ? await loadDiscussionView(deps, actor, d, card.org) : null,
    expertise,
    councilConclusions,
  };
}
