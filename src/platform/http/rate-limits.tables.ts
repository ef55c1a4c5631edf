import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Short-lived abuse counters shared by every app process: the hits of a
 * rate-limit key in its current window, and used ALTCHA solutions (one hit
 * until the challenge expires). Rows past `expires_at` count as absent and are
 * deleted from time to time (`rateLimitsRepository.deleteExpired`).
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_expires_at_idx').on(t.expiresAt)],
);
