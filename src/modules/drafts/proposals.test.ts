import { describe, expect, it } from 'vitest';
import type { DraftUnitRow, PositionRow } from './drafts.repository.ts';
import { buildSummary, incomplete, type Proposal } from './proposals.ts';

const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 10, m));
const proposal = (commentId: string, m: number, unitKey: string | null, version = 1): Proposal => ({
  commentId,
  participant: `Участник ${commentId}`,
  unitKey,
  version,
  text: `Предложение ${commentId}`,
  wording: null,
  createdAt: at(m),
});
const position = (commentId: string, p: string, justification: string | null = null): PositionRow => ({
  draftId: 'd',
  commentId,
  position: p,
  justification,
  decidedBy: null,
  decidedAt: at(0),
});
const unit = (version: number, key: string, label: string): DraftUnitRow => ({
  draftId: 'd',
  version,
  key,
  kind: 'part',
  label,
  parentKey: null,
  position: 0,
  text: '',
});

describe('buildSummary', () => {
  it('lists every proposal in the order it came, with its unit as of its version, and counts the positions', () => {
    const units = new Map([
      [1, [unit(1, 'st-2-ch-1', 'часть 1 статьи 2')]],
      [2, [unit(2, 'st-2-ch-1', 'часть 1 статьи 2 (ред. 2)')]],
    ]);
    const { rows, totals } = buildSummary(
      [proposal('b', 5, 'st-2-ch-1', 2), proposal('a', 1, 'st-2-ch-1'), proposal('c', 9, null)],
      [position('a', 'accepted'), position('b', 'rejected', 'Противоречит закону')],
      units,
    );
    expect(rows.map((r) => [r.commentId, r.unitLabel, r.position])).toEqual([
      ['a', 'часть 1 статьи 2', 'accepted'],
      ['b', 'часть 1 статьи 2 (ред. 2)', 'rejected'],
      ['c', null, null],
    ]);
    expect(totals).toEqual({ accepted: 1, partly: 0, rejected: 1, none: 1, total: 3 });
    expect(rows.map(incomplete)).toEqual([false, false, true]);
  });

  it('keeps a proposal on a unit a later version removed, by the key it was made on', () => {
    const { rows } = buildSummary([proposal('x', 1, 'st-9')], [position('x', 'partly')], new Map());
    expect(rows[0]?.unitLabel).toBe('st-9');
    expect(rows[0] && incomplete(rows[0])).toBe(true); // partly needs a justification
  });
});
