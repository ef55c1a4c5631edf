import { type ProductionCalendar, REGION_TZ, toLocalDate } from '../../../platform/calendar/index.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { readSetting, writeSetting } from '../../../platform/db/settings.ts';
import { type ChatHours, chatHoursInput } from './consult.input.ts';

/** Hours of a body that has not set its own: the usual office day. */
export const DEFAULT_CHAT_HOURS: ChatHours = Object.freeze({ opens: '09:00', closes: '18:00' });

const settingKey = (orgId: string) => `participation.chat.hours.${orgId}`;

/** The body's chat hours (the settings row, else the default). */
export async function readChatHours(db: DbOrTx, orgId: string): Promise<ChatHours> {
  const parsed = chatHoursInput.safeParse(await readSetting(db, settingKey(orgId)));
  return parsed.success ? parsed.data : DEFAULT_CHAT_HOURS;
}

export async function writeChatHours(db: DbOrTx, orgId: string, hours: ChatHours, at: Date): Promise<void> {
  await writeSetting(db, settingKey(orgId), hours, at);
}

const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: REGION_TZ,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** HH:MM of an instant in the region. */
export function regionTime(instant: Date): string {
  return timeFmt.format(instant);
}

/** An instant from a date and time in the region (Kaliningrad keeps UTC+2 the whole year since 2014). */
export function regionInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+02:00`);
}

/**
 * Is the consultant on duty at `now`: a working day of the production calendar
 * and within the body's hours; a shortened pre-holiday day ends an hour earlier
 * (Labour Code art. 95).
 */
export function isChatOpen(calendar: ProductionCalendar, hours: ChatHours, now: Date): boolean {
  const day = toLocalDate(now);
  if (!calendar.isWorkingDay(day)) return false;
  const t = regionTime(now);
  let closes = hours.closes;
  if (calendar.isShortenedDay(day)) {
    const [h, m] = closes.split(':').map(Number) as [number, number];
    closes = `${String(Math.max(0, h - 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  return t >= hours.opens && t < closes;
}
