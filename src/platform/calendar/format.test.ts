import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLocalDate } from './format.ts';

// 22:30 UTC on 2 March is already 3 March, 00:30 in Kaliningrad (UTC+2).
const lateEvening = new Date('2026-03-02T22:30:05Z');

describe('date formatters', () => {
  it('write a civil date the Russian way, and nothing for none', () => {
    expect(formatLocalDate('2026-03-02')).toBe('02.03.2026');
    expect(formatLocalDate('2026-03-02T10:00:00Z')).toBe('02.03.2026');
    expect(formatLocalDate(null)).toBe('');
    expect(formatLocalDate(undefined)).toBe('');
  });

  it('show an instant on the region’s calendar, not the server’s', () => {
    expect(formatDate(lateEvening, 'ru')).toBe('3 марта 2026 г.');
    expect(formatDate(lateEvening, 'en')).toBe('3 March 2026');
  });

  it('show an instant on the region’s clock, with seconds when asked', () => {
    expect(formatDateTime(lateEvening, 'ru')).toBe('03.03.2026, 00:30');
    expect(formatDateTime(lateEvening, 'en')).toBe('03/03/2026, 00:30');
    expect(formatDateTime(lateEvening, 'ru', { seconds: true })).toBe('03.03.2026, 00:30:05');
  });
});
