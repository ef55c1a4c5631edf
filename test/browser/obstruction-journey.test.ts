import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAppeal } from '../../src/modules/appeals/classify-appeal.ts';
import { staffKit } from '../../src/modules/appeals/staff-test-kit.ts';
import {
  expectAxeClean,
  expectNoSidewaysScroll,
  type Portal,
  signedInContext,
  startPortal,
} from './harness.ts';

// Concept task 6.5 in the browser: a complaint of obstructed public control in the staff queue and the
// finding recorded with the answer, JavaScript off on a phone (375 px), axe clean at each step.

let portal: Portal;
let k: Awaited<ReturnType<typeof staffKit>>;
let head: BrowserContext;

beforeAll(async () => {
  portal = await startPortal();
  k = await staffKit(portal.deps);
  head = await signedInContext(portal, k.head);
});
afterAll(async () => {
  await head?.close();
  await portal?.close();
});

describe('a complaint of obstructed public control, staff side', () => {
  it('is found by the queue filter and answered with the finding, without JavaScript at 375 px', async () => {
    const plain = await k.submit({ kind: 'complaint', complainedOrgId: k.body.id });
    const a = await k.submit({
      kind: 'complaint',
      complainedOrgId: k.body.id,
      obstructionKind: 'information_refused',
    });
    await classifyAppeal(portal.deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    });
    const page = await head.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${portal.url}/manage/appeals`);
    await page.locator('details#filters summary').click();
    await page.getByLabel('Только жалобы на воспрепятствование общественному контролю').check();
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/obstruction=1/);
    const table = (await page.locator('main table').first().textContent()) ?? '';
    expect(table).toContain(a.number);
    expect(table).not.toContain(plain.number);
    expect(table).toContain('Общественный контроль');
    await expectAxeClean(page);
    await expectNoSidewaysScroll(page);

    await page.getByRole('link', { name: a.number }).click();
    await page.waitForURL(new RegExp(`/manage/appeals/${a.id}`));
    expect(await page.locator('#obstruction').textContent()).toContain('Отказало в сведениях');
    const answer = page.locator(`form[action="/manage/appeals/${a.id}/answer"]`);
    await answer.getByLabel('Текст ответа').fill('Сведения направлены общественному совету.');
    await answer.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Выберите, подтвердилось ли воспрепятствование общественному контролю',
    );
    await expectAxeClean(page);
    await expectNoSidewaysScroll(page);
    await answer.getByLabel('Подтвердилось', { exact: true }).check();
    await answer.getByLabel('Дисциплинарное взыскание').check();
    await answer.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await page.waitForURL(/notice=answer/);
    expect(await page.locator('#obstruction-finding').textContent()).toBe(
      'Подтвердилось; Дисциплинарное взыскание',
    );
    await expectAxeClean(page);
    await page.close();
  });
});
