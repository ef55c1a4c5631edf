import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/db.ts';
import { anonymous } from '../../../platform/authz/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { getPoll, listPolls } from './get-poll.ts';
import { pollsRepository } from './polls.repository.ts';
import { registerPollSections, seedDemoPolls } from './seed-demo-polls.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(deps);
});
afterAll(() => deps?.close());

describe('demo polls and surveys', () => {
  it('adds «Опросы и голосования» to every organisation once', async () => {
    const n = await registerPollSections(deps);
    expect(n).toBeGreaterThan(40);
    await registerPollSections(deps);
    const { rows } = await deps.db.$client.query(
      "select count(*)::int as n from org_sections where key = 'polls' and path = 'polls'",
    );
    expect(rows[0].n).toBe(n);
  });

  it('seeds open, closed, residents’ and open-data polls and a survey with every kind of question, once', async () => {
    expect(await seedDemoPolls(deps)).toEqual({ polls: 4, surveys: 1 });
    expect(await seedDemoPolls(deps)).toEqual({ polls: 0, surveys: 0 });
    const all = await listPolls(deps, {});
    expect(all.map((p) => p.state).sort()).toEqual(['closed', 'open', 'open', 'open']);
    const closed = all.find((p) => p.state === 'closed');
    const view = await getPoll(deps, anonymous, closed?.poll.id as string);
    expect(view.results).toEqual({ voters: 318, counts: [214, 63, 41] });
    expect((await listPolls(deps, { topic: 'opendata_priorities' })).length).toBe(1);
    const gov = await findOrganizationBySlug(deps.db, 'government');
    const [survey] = await pollsRepository.surveysOf(deps.db, [gov?.id as string], 'monitoring.satisfaction');
    expect(new Set(survey?.questions.map((q) => q.type))).toEqual(
      new Set(['short_text', 'long_text', 'single', 'multiple', 'scale', 'matrix', 'date', 'number']),
    );
    expect(survey?.questions.some((q) => q.showIf !== null)).toBe(true);
  });
});
