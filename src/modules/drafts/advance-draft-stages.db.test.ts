import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { userActor } from '../../platform/authz/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { ADVANCE_QUEUE, advanceDraftStages } from './advance-draft-stages.ts';
import { openDiscussion } from './change-draft-stage.ts';
import { createDraft } from './create-draft.ts';
import { draftsRepository as repo } from './drafts.repository.ts';
import { draftsModule } from './index.ts';
import { uploadDraftText } from './upload-draft-text.ts';

// Stage auto-advance (issue 13): the hourly pg-boss job closes a discussion
// once its last day is over (the anti-corruption expertise opens) and an
// expertise once its term is over (the summary of proposals is drawn up), with
// the portal named in the audit log; a draft whose stage still runs is left alone.

let deps: TestDeps;
let editor: ReturnType<typeof origin>;
const origin = (orgId: string) => ({
  actor: userActor(crypto.randomUUID(), [{ role: 'editor', orgId }]),
  ip: null,
});
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  deps = await createTestDeps();
  await seedOrganizations(deps);
  const org = await findOrganizationBySlug(deps.db, 'minzdrav');
  editor = origin(org?.id as string);
});
afterAll(() => deps?.close());

/** A draft of Минздрав whose discussion runs from 18 March until `endsOn`. */
async function draftInDiscussion(title: string, endsOn: string) {
  deps.clock.set('2026-03-02T09:00:00+02:00');
  const d = await createDraft(deps, editor, {
    slug: 'minzdrav',
    draft: { title, summary: 'Кратко.', actType: 'приказ', impactDegree: 'low', planItemId: null },
  });
  await uploadDraftText(deps, editor, {
    draftId: d.id,
    text: { text: 'Статья 1. Предмет\nНастоящий приказ определяет порядок.', note: null },
    files: [],
  });
  deps.clock.set('2026-03-18T09:00:00+02:00');
  await openDiscussion(deps, editor, { draftId: d.id, endsOn });
  return d.id;
}

const stageOf = async (id: string) => (await repo.draft(deps.db, id))?.stage;

describe('the stage auto-advance', () => {
  it('closes a discussion after its last day and an expertise after its term; leaves running ones', async () => {
    const due = await draftInDiscussion('О порядке первом', '2026-04-01');
    const running = await draftInDiscussion('О порядке втором', '2026-04-10');

    // the last day itself is still the discussion's
    deps.clock.set('2026-04-01T23:30:00+02:00');
    expect(await advanceDraftStages(deps)).toBe(0);
    expect(await stageOf(due)).toBe('discussion');

    deps.clock.set('2026-04-02T00:30:00+02:00');
    expect(await advanceDraftStages(deps)).toBe(1);
    const moved = await repo.draft(deps.db, due);
    expect(moved?.stage).toBe('expertise');
    expect(moved?.expertiseStartsOn).toBe('2026-04-02');
    expect(moved?.expertiseEndsOn).toBe('2026-04-09');
    expect(await stageOf(running)).toBe('discussion');
    // a second run finds nothing to do
    expect(await advanceDraftStages(deps)).toBe(0);

    const log = await deps.db.query.auditLog.findFirst({
      where: (a, { and, eq }) => and(eq(a.objectId, due), eq(a.action, 'draft.discussion_close')),
    });
    expect(log?.details).toEqual({ automatic: true });

    // 10 April: the expertise of the first is over (summary), the second's discussion is over (expertise)
    deps.clock.advance(8 * DAY + 9 * 3600 * 1000);
    expect(await advanceDraftStages(deps)).toBe(1);
    expect(await stageOf(due)).toBe('summary');
    expect(await stageOf(running)).toBe('discussion');
    deps.clock.advance(DAY);
    expect(await advanceDraftStages(deps)).toBe(1);
    expect(await stageOf(running)).toBe('expertise');
  });

  it('runs as the module’s pg-boss job', async () => {
    const id = await draftInDiscussion('О порядке третьем', '2026-04-01');
    deps.clock.set('2026-04-02T09:00:00+02:00');
    await draftsModule.workers?.(deps);
    await deps.jobs.boss.send(ADVANCE_QUEUE, {});
    let stage = await stageOf(id);
    for (let i = 0; i < 100 && stage === 'discussion'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      stage = await stageOf(id);
    }
    expect(stage).toBe('expertise');
  });
});
