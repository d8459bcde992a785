-- The planner picks between the search index (few matches) and the newest-first index (many) from
-- the statistics of search_terms' elements. With the default target (100) a word outside the
-- ~1,000 most common gets a guessed frequency, and a rare word at 10M rows was taken for a common
-- one: the newest-first scan read 131k rows for 51 (980 ms) instead of 4k through the search index
-- (23 ms). A larger sample keeps ~10,000 words with their real frequencies.
ALTER TABLE "feedback" ALTER COLUMN "search_terms" SET STATISTICS 1000;
