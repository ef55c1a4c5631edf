import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Organisations are the tenants of one deployment: the region's government,
 * its executive bodies and its municipal formations.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    /** government | ministry | agency | service | inspection | committee | municipal_city_okrug | municipal_okrug | municipal_district | urban_settlement | rural_settlement | other */
    kind: text('kind').notNull(),
    /** executive | municipal | government */
    level: text('level').notNull(),
    parentId: uuid('parent_id'),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en'),
    shortNameRu: text('short_name_ru'),
    descriptionRu: text('description_ru'),
    descriptionEn: text('description_en'),
    inn: text('inn'),
    /** true when the ИНН is a placeholder for staff to replace, never shown as real */
    innIsDemo: boolean('inn_is_demo').notNull().default(false),
    ogrn: text('ogrn'),
    /** a short code used in registration numbers, e.g. MINZDRAV */
    code: text('code').notNull(),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    headName: text('head_name'),
    headPosition: text('head_position'),
    /** where the reference data came from and when it was checked; shown to staff, not to the public */
    sourceNote: text('source_note'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_slug_key').on(t.slug),
    uniqueIndex('organizations_code_key').on(t.code),
    index('organizations_parent_idx').on(t.parentId),
  ],
);

/**
 * The sections an organisation's public home shows: data, so that each later
 * module adds its own section by key without touching the orgs module.
 */
export const orgSections = pgTable(
  'org_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** stable key: public_council, appeals, plans_reports, anti_corruption, open_data, … */
    key: text('key').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull(),
    summaryRu: text('summary_ru'),
    summaryEn: text('summary_en'),
    /** concept mechanism number(s) it serves, e.g. "4" or "7.1" */
    concept: text('concept'),
    /** path below /orgs/<slug>/ */
    path: text('path').notNull(),
    position: integer('position').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    /** the duty (see responsible_officials.duty) whose officials answer for this section */
    responsibleDuty: text('responsible_duty'),
    /** set by the module that serves the section once it has content; null shows the section as empty */
    filledAt: timestamp('filled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('org_sections_org_key').on(t.orgId, t.key)],
);

/** People who answer for a duty in an organisation (tasks 3.2, 4.1, 7.4, 10.1). */
export const responsibleOfficials = pgTable(
  'responsible_officials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** appeals | media | open_data | anti_corruption | information_access | openness */
    duty: text('duty').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position').notNull(),
    phone: text('phone'),
    email: text('email'),
    receptionHours: text('reception_hours'),
    dutiesRu: text('duties_ru'),
    userId: uuid('user_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** a seeded example person, for staff to replace */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('responsible_officials_org_idx').on(t.orgId, t.duty)],
);
