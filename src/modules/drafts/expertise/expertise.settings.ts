import type { DbOrTx } from '../../../platform/db/client.ts';
import { readSetting } from '../../../platform/db/settings.ts';

/**
 * Days the body has to answer a conclusion: 30 (172-ФЗ art. 5 ч.3, «в
 * тридцатидневный срок»), counted as calendar days from the day after it came
 * (ГК art. 191), the last day moved off a non-working day to the next working
 * one (ГК art. 193). A region may set another term in the settings row.
 */
export const ANSWER_DAYS_KEY = 'expertise.answerDays';
export const DEFAULT_ANSWER_DAYS = 30;

export async function answerDays(db: DbOrTx): Promise<number> {
  const v = await readSetting(db, ANSWER_DAYS_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 365 ? v : DEFAULT_ANSWER_DAYS;
}
