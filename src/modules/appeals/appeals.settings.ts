import type { LocalDate, ProductionCalendar } from '../../platform/calendar/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { readSetting, writeSetting } from '../../platform/db/settings.ts';
import type { UploadRules } from '../../platform/files/index.ts';
import {
  type AppealType,
  DEADLINES_KEY,
  type DeadlineSettings,
  deadlineSettings,
  IDENTIFICATION_KEY,
  type IdentificationSettings,
  identificationSettings,
  type TypeIdentification,
} from './appeals.model.ts';

/** The groups of the deadline settings, as the administrator's page shows them. */
export const TERM_GROUPS = [
  'appeal',
  'info_request',
  'corruption_report',
  'media_request',
  'common',
] as const;
export type TermGroup = (typeof TERM_GROUPS)[number];

/**
 * What the administrator's page sets: every term but the number of extensions,
 * which the law fixes at one (59-ФЗ ст. 12 ч. 2): `extendAppeal` refuses a second
 * whatever the setting says, so a page offering more would promise what it does not do.
 */
export type EditableDeadlineSettings = Omit<DeadlineSettings, 'extensionsAllowed'>;

/** A number of days the administrator may set, its sane bounds, and whether the law behind it is still to be checked. */
export type DayTerm = {
  key: keyof DeadlineSettings;
  group: TermGroup;
  min: number;
  max: number;
  /** the value stands on a point law-ru.md marks [verify]: the page says so */
  verify?: true;
};

/**
 * Every number of days in the deadline settings, in the order the page shows
 * them. The bounds keep a typo out (300 for 30), not the law: the law's value
 * is the default and the page names its basis (deadlines.messages.ts).
 */
export const DAY_TERMS: readonly DayTerm[] = [
  { key: 'answerDays', group: 'appeal', min: 1, max: 60 },
  { key: 'forwardDays', group: 'appeal', min: 1, max: 30 },
  { key: 'withoutAnswerNoticeDays', group: 'appeal', min: 1, max: 30 },
  { key: 'extensionMaxDays', group: 'appeal', min: 1, max: 60 },
  { key: 'infoRequestAnswerDays', group: 'info_request', min: 1, max: 60 },
  { key: 'infoRequestExtensionMaxDays', group: 'info_request', min: 1, max: 60 },
  { key: 'infoRequestExtensionNoticeDays', group: 'info_request', min: 1, max: 30 },
  { key: 'corruptionReportAnswerDays', group: 'corruption_report', min: 1, max: 60, verify: true },
  { key: 'corruptionReportExtensionMaxDays', group: 'corruption_report', min: 1, max: 60, verify: true },
  { key: 'mediaRequestAnswerDays', group: 'media_request', min: 1, max: 30, verify: true },
  { key: 'mediaRequestNoticeDays', group: 'media_request', min: 1, max: 30, verify: true },
  { key: 'remindWorkingDaysBefore', group: 'common', min: 0, max: 20 },
];

/** The settings that are choices, not days: their options. */
export const CHOICE_TERMS = {
  mediaRequestDayUnit: { group: 'media_request', options: ['calendar', 'working'] },
  nonWorkingDayRule: { group: 'common', options: ['previous', 'next', 'none'] },
} as const satisfies Record<string, { group: TermGroup; options: readonly string[] }>;

/** The deadline settings, defaults filled in for any key the row lacks (or the whole row when missing or broken). */
export async function loadDeadlineSettings(db: DbOrTx): Promise<DeadlineSettings> {
  const parsed = deadlineSettings.safeParse((await readSetting(db, DEADLINES_KEY)) ?? {});
  return parsed.success ? parsed.data : deadlineSettings.parse({});
}

/**
 * The terms an appeal's deadlines are counted with: the settings it was
 * registered under (kept on the appeal), over the settings in force for any
 * key it lacks; the settings in force for an appeal registered before they were kept.
 */
export function termsOf(a: { deadlineTerms: unknown }, current: DeadlineSettings): DeadlineSettings {
  if (!a.deadlineTerms || typeof a.deadlineTerms !== 'object') return current;
  const parsed = deadlineSettings.safeParse({ ...current, ...a.deadlineTerms });
  return parsed.success ? parsed.data : current;
}

/** Which accounts may submit appeals; a broken row falls back to the strict default (ЕСИА only). */
export async function loadIdentificationSettings(db: DbOrTx): Promise<IdentificationSettings> {
  const parsed = identificationSettings.safeParse((await readSetting(db, IDENTIFICATION_KEY)) ?? {});
  return parsed.success ? parsed.data : identificationSettings.parse({});
}

/** Save the rules: per type, or (the first release's form) one rule for the 59-ФЗ types. */
export async function saveIdentificationSettings(
  db: DbOrTx,
  value: Partial<IdentificationSettings> | TypeIdentification,
): Promise<void> {
  await writeSetting(db, IDENTIFICATION_KEY, identificationSettings.parse(value));
}

export async function saveDeadlineSettings(db: DbOrTx, value: Partial<DeadlineSettings>): Promise<void> {
  await writeSetting(db, DEADLINES_KEY, deadlineSettings.parse(value));
}

export type Deadlines = {
  /** the answer deadline in force (with an extension's days when there is one) */
  dueDate: LocalDate;
  /** the answer deadline before any extension */
  originalDueDate: LocalDate;
  /** forwarding to the competent body (59-ФЗ art. 8 ч.3; 8-ФЗ art. 18); null for a media request, never forwarded */
  forwardDueDate: LocalDate | null;
  /**
   * the notices due within 7 days of registration: 59-ФЗ art. 11 ч.2, 4, 4.1,
   * 5.1 (setting withoutAnswerNoticeDays); for an information request the
   * notice of a delay, 8-ФЗ art. 18 ч.6 (setting infoRequestExtensionNoticeDays)
   */
  noticeDueDate: LocalDate;
  provisional: boolean;
};

/**
 * The days an extension may add: 30 for an appeal (59-ФЗ art. 12 ч.2), 15 for a
 * request (8-ФЗ art. 18 ч.6), a corruption report's own setting (30 by default).
 */
export function extensionMaxDays(type: AppealType, s: DeadlineSettings): number {
  if (type === 'info_request') return s.infoRequestExtensionMaxDays;
  if (type === 'corruption_report') return s.corruptionReportExtensionMaxDays;
  return s.extensionMaxDays;
}

/** The days to answer: a request's and a corruption report's own settings, else the appeal's (30). */
export function answerDaysOf(type: AppealType, s: DeadlineSettings): number {
  if (type === 'info_request') return s.infoRequestAnswerDays;
  if (type === 'corruption_report') return s.corruptionReportAnswerDays;
  return s.answerDays;
}

/**
 * The deadlines of an appeal registered on `registeredOn` (a local date):
 * the answer (30 days for both 59-ФЗ and 8-ФЗ by default), forwarding and the
 * 7-day notices. Each is a count of calendar days from the day after
 * registration, moved off a non-working day once, as the setting says, and
 * never onto or before the registration day. An extension's days are added to
 * the answer period and counted from registration too (30 + 30; 30 + 15), not
 * added to the already moved date.
 */
export function computeDeadlines(
  cal: ProductionCalendar,
  registeredOn: LocalDate,
  type: AppealType,
  s: DeadlineSettings,
  extensionDays = 0,
): Deadlines {
  if (type === 'media_request') return mediaDeadlines(cal, registeredOn, s);
  const answerDays = answerDaysOf(type, s);
  const noticeDays = type === 'info_request' ? s.infoRequestExtensionNoticeDays : s.withoutAnswerNoticeDays;
  const count = (days: number) =>
    cal.deadline(registeredOn, { days, unit: 'calendar', rule: s.nonWorkingDayRule });
  const original = count(answerDays);
  const due = extensionDays > 0 ? count(answerDays + extensionDays) : original;
  const fwd = count(s.forwardDays);
  const notice = count(noticeDays);
  return {
    dueDate: due.date,
    originalDueDate: original.date,
    forwardDueDate: fwd.date,
    noticeDueDate: notice.date,
    provisional: due.provisional || original.provisional || fwd.provisional || notice.provisional,
  };
}

/**
 * A media request (Закон РФ «О СМИ» ст. 40): the information within 7 days;
 * a notice of delay or refusal within 3 days of receipt (`noticeDueDate`, its one
 * place; a media request is not forwarded under 59-ФЗ, so no `forwardDueDate`). Counted in
 * the unit the settings name (calendar days by default, as the law says «дней»).
 */
export function mediaDeadlines(
  cal: ProductionCalendar,
  registeredOn: LocalDate,
  s: DeadlineSettings,
): Deadlines {
  const spec = (days: number) => ({ days, unit: s.mediaRequestDayUnit, rule: s.nonWorkingDayRule });
  const due = cal.deadline(registeredOn, spec(s.mediaRequestAnswerDays));
  const notice = cal.deadline(registeredOn, spec(s.mediaRequestNoticeDays));
  return {
    dueDate: due.date,
    originalDueDate: due.date,
    forwardDueDate: null,
    noticeDueDate: notice.date,
    provisional: due.provisional || notice.provisional,
  };
}

/** What an appeal may carry (shown in the form's hint before upload). */
export const ATTACHMENT_RULES: UploadRules = {
  kinds: ['pdf', 'docx', 'jpg', 'png'],
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
};
