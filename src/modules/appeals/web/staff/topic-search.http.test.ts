import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { findTotkQuestions } from '../../find-totk-questions.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10: on the staff classification control a ТОТК question is found by words of its
// name (PostgreSQL full text in Russian, trigram for a typo), by a GET form without JavaScript.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;

const ROADS = '0003.0009.0099.0742.0110';

const found = async (words: string) => (await findTotkQuestions(t.deps, { words })).found.map((q) => q.code);

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  officer = await sessionFor(t, k.officer);
});
afterAll(() => t.close());

describe('ТОТК search by words', () => {
  it('finds questions by word forms of their names, their topic, a typo, ё for е, or a code', async () => {
    expect(await found('ремонт дороги')).toEqual([ROADS]);
    // words of the section, theme and topic find the questions under them, the question named by them first
    expect(await found('транспорт')).toEqual(['0003.0009.0099.0742', ROADS]);
    expect(await found('личный приём')).toEqual(['0001.0002.0027.0145']);
    expect(await found('ремнт автомобильных')).toContain(ROADS);
    expect(await found('0005.0005')).toEqual(['0005.0005.0056.1160']);
    expect(await found('космодром')).toEqual([]);
    expect(await found('и')).toEqual([]);
  });

  it('shows what it found on the staff page by name with the code, first in each picker', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    const page = await officer.get(url);
    expect(page.body).toContain(`<form action="${url}#classify" method="get"`);
    expect(page.body).toContain('name="topicq"');

    const res = await officer.get(`${url}?topicq=${encodeURIComponent('ремонт дороги')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="ремонт дороги"');
    expect(res.body).toContain(
      `Ремонт автомобильных дорог <span class="govuk-hint govuk-!-display-inline">(${ROADS})</span>`,
    );
    const topic1 = res.body.match(/<select[^>]* id="topic1"[\s\S]*?<\/select>/)?.[0] ?? '';
    const firstGroup = topic1.match(/<optgroup label="([^"]*)">([\s\S]*?)<\/optgroup>/);
    expect(firstGroup?.[1]).toBe('Найдено по словам «ремонт дороги»');
    expect(firstGroup?.[2]).toContain(`value="${ROADS}"`);

    // choosing the found question classifies the appeal as before
    const saved = await officer.post(`${url}/classify`, { topic1: ROADS }, { from: url });
    expect(saved.statusCode).toBe(303);

    const none = await officer.get(`${url}?topicq=${encodeURIComponent('космодром')}`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('По словам «космодром» ничего не найдено');
    // a hostile query is only text
    const odd = await officer.get(`${url}?topicq=${encodeURIComponent("<b>%_' or 1=1")}`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<b>%_');
  });
});
