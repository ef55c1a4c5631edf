import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** People with an account: citizens and staff alike. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** stored lower-cased */
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    lastName: text('last_name'),
    firstName: text('first_name'),
    patronymic: text('patronymic'),
    displayName: text('display_name').notNull(),
    /** a staff member's position, printed under an answer they sign (59-ФЗ art. 10 ч.3) */
    position: text('position'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** how the person was identified: email | esia (59-ФЗ as amended in 2025 counts only identified appeals) */
    identification: text('identification').notNull().default('email'),
    /** identity assurance level reported by the provider (ЕСИА: simplified | standard | verified) */
    identityLevel: text('identity_level'),
    locale: text('locale').notNull().default('ru'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/** Links to external identity providers (OpenID Connect: ЕСИА or another). */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_identities_provider_subject').on(t.provider, t.subject)],
);

/** Server-side sessions; the cookie carries a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: text('data').notNull().default('{}'),
    kiosk: boolean('kiosk').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Kiosk terminals (task 8.4): a browser in a body's premises that a member of
 * staff put into kiosk mode. Its cookie carries the id; only the PIN the staff
 * member set (stored as an argon2id hash) takes the browser out of kiosk mode.
 */
export const kioskTerminals = pgTable('kiosk_terminals', {
  id: uuid('id').primaryKey().defaultRandom(),
  pinHash: text('pin_hash').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

/** One-time tokens sent by mail: e-mail confirmation and password reset. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** confirm | reset */
    purpose: text('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId)],
);

/**
 * Roles: per organisation (editor, appeals_officer, head, data_steward,
 * council_secretary) when org_id is set; global (project_office, expert,
 * moderator, admin) when it is null.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    orgId: uuid('org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_assignments_unique').on(
      t.userId,
      t.role,
      sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('role_assignments_org_idx').on(t.orgId),
  ],
);

/**
 * Personal API tokens: a person's own key for /api/v1 (Authorization: Bearer),
 * acting as that person. The table keeps only the SHA-256; the token is shown once.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * What the demo identity provider (/dev-idp, SEED=demo) keeps: oidc-provider's
 * codes, sessions, interactions and grants by model and id, and its signing
 * key. In the database, not in memory, so a sign-in whose steps reach different
 * app processes (WORKERS, several hosts) finds them.
 */
export const devIdpStore = pgTable(
  'dev_idp_store',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    uid: text('uid'),
    userCode: text('user_code'),
    grantId: text('grant_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('dev_idp_store_uid_idx').on(t.uid),
    index('dev_idp_store_grant_idx').on(t.grantId),
    index('dev_idp_store_expires_idx').on(t.expiresAt),
  ],
);
