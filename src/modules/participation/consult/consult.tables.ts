import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Scheduled online consultations (task 8.5): a body's official answers
 * people's questions on a topic within a time window; the transcript stays published.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    topic: text('topic').notNull(),
    description: text('description'),
    /** the responsible official (responsible_officials.id) when chosen from the body's list */
    officialId: uuid('official_id'),
    /** shown on the page: copied from the official or typed by staff */
    officialName: text('official_name').notNull(),
    officialPosition: text('official_position').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultations_org_idx').on(t.orgId, t.startsAt),
    index('consultations_starts_idx').on(t.startsAt),
  ],
);

/** A person's question to a consultation and the official's answer; a hidden one keeps its stated reason. */
export const consultationQuestions = pgTable(
  'consultation_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    /** set when staff hide the question: the reason is shown in its place */
    hiddenReason: text('hidden_reason'),
  },
  (t) => [index('consultation_questions_idx').on(t.consultationId, t.createdAt)],
);

/**
 * A conversation with the body's consultant (task 3.4). `channel` is how the
 * person gets the answer: `chat` in the page's widget (JavaScript on, within
 * working hours), `email` by mail (the form without JavaScript or after hours).
 */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** where an answer by e-mail goes (the account's address when the conversation began) */
    email: text('email').notNull(),
    /** chat | email */
    channel: text('channel').notNull(),
    /** waiting | answered | closed */
    status: text('status').notNull().default('waiting'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('chat_conversations_queue_idx').on(t.orgId, t.status, t.lastMessageAt),
    index('chat_conversations_user_idx').on(t.userId),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id').notNull(),
    fromStaff: boolean('from_staff').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_messages_conversation_idx').on(t.conversationId, t.createdAt)],
);
