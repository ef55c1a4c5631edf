import type { LocalDate, ProductionCalendar } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { UploadRules } from '../../platform/files/index.ts';
import {
  type AppealType,
  DEADLINES_KEY,
  type DeadlineSettings,
  deadlineSettings,
  IDENTIFICATION_KEY,
  type IdentificationSettings,
  identificationSettings,
} from './appeals.model.ts';
import { appealsRepository as repo } from './appeals.repository.ts';

/** The deadline settings, defaults filled in for any key the row lacks (or the whole row when missing or broken). */
export async function loadDeadlineSettings(db: DbOrTx): Promise<DeadlineSettings> {
  const parsed = deadlineSettings.safeParse((await repo.setting(db, DEADLINES_KEY)) ?? {});
  return parsed.success ? parsed.data : deadlineSettings.parse({});
}

/** Which accounts may submit appeals; a broken row falls back to the strict default (ЕСИА only). */
export async function loadIdentificationSettings(db: DbOrTx): Promise<IdentificationSettings> {
  const parsed = identificationSettings.safeParse((await repo.setting(db, IDENTIFICATION_KEY)) ?? {});
  return parsed.success ? parsed.data : identificationSettings.parse({});
}

export async function saveIdentificationSettings(db: DbOrTx, value: IdentificationSettings): Promise<void> {
  await repo.putSetting(db, IDENTIFICATION_KEY, identificationSettings.parse(value));
}

export async function saveDeadlineSettings(db: DbOrTx, value: Partial<DeadlineSettings>): Promise<void> {
  await repo.putSetting(db, DEADLINES_KEY, deadlineSettings.parse(value));
}

export type Deadlines = {
  dueDate: LocalDate;
  forwardDueDate: LocalDate;
  provisional: boolean;
};

/**
 * The deadlines of an appeal registered on `registeredOn` (a local date):
 * the answer (30 days for both 59-ФЗ and 8-ФЗ by default) and forwarding
 * (7 days), calendar days counted from the next day and moved off a
 * non-working day as the setting says.
 */
export function computeDeadlines(
  cal: ProductionCalendar,
  registeredOn: LocalDate,
  type: AppealType,
  s: DeadlineSettings,
): Deadlines {
  const answerDays = type === 'info_request' ? s.infoRequestAnswerDays : s.answerDays;
  const due = cal.deadline(registeredOn, { days: answerDays, unit: 'calendar', rule: s.nonWorkingDayRule });
  const fwd = cal.deadline(registeredOn, {
    days: s.forwardDays,
    unit: 'calendar',
    rule: s.nonWorkingDayRule,
  });
  return { dueDate: due.date, forwardDueDate: fwd.date, provisional: due.provisional || fwd.provisional };
}

/** What an appeal may carry (shown in the form's hint before upload). */
export const ATTACHMENT_RULES: UploadRules = {
  kinds: ['pdf', 'docx', 'jpg', 'png'],
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
};
