import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Deployment settings an administrator can change at run time. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
