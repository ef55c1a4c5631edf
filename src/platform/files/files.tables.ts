import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Uploaded files. The bytes live under DATA_DIR/files, addressed by their
 * SHA-256; each row is one upload (who, when, under which name).
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** the type found in the content, never the one the browser claimed */
    mediaType: text('media_type').notNull(),
    /** pdf | docx | xlsx | odt | jpg | png | … */
    ext: text('ext').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_sha_idx').on(t.sha256)],
);
