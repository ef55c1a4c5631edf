-- Russian full-text search uses the built-in "russian" configuration; typo tolerance needs pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
