-- Keep search_entries rows narrow: the long columns (body, attachment text, tsvector)
-- move out of line, so that a bitmap scan over many matches reads few heap pages and
-- never decompresses a tsvector it does not rank.
ALTER TABLE "search_entries" SET (toast_tuple_target = 128);
