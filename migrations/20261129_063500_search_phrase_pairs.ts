import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Fast phrase search (issue 4). A GIN index on the search vector stores which
 * words an article has, not where, so for a phrase of common words PostgreSQL
 * re-reads nearly every article to check the word order. `search_pairs` holds
 * each pair of adjacent words ("suppli~chain") with its own GIN index: a
 * phrase query first narrows to the articles that have its word pairs, then
 * checks the order on those few. A trigger keeps it in step with
 * `search_vector`, whoever writes that (the hooks, the benchmark generator).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  -- A pair longer than a lexeme may be (2,047 bytes) is left out: no search query (200 characters)
  -- can ask for it. An article with more pairs than a tsvector holds (1 MB) gets the single lexeme
  -- '~', which every phrase query also accepts, so it is never hidden, only not narrowed.
  CREATE OR REPLACE FUNCTION phrase_pairs(v tsvector) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN
        RETURN (
          WITH words AS (
            SELECT lexeme, pos FROM unnest(v) AS u(lexeme, positions, weights), unnest(positions) AS pos
          )
          SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || '~' || b.lexeme)), ''::tsvector)
          FROM words a JOIN words b ON b.pos = a.pos + 1
          WHERE octet_length(a.lexeme) + octet_length(b.lexeme) < 2047
        );
      EXCEPTION WHEN program_limit_exceeded THEN
        RETURN '~'::tsvector;
      END
    $$;

  CREATE OR REPLACE FUNCTION articles_set_search_pairs() RETURNS trigger
    LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_pairs := phrase_pairs(coalesce(NEW.search_vector, ''::tsvector));
        RETURN NEW;
      END
    $$;

  ALTER TABLE "articles" ADD COLUMN "search_pairs" tsvector;
  UPDATE "articles" SET "search_pairs" = phrase_pairs(coalesce("search_vector", ''::tsvector));
  CREATE INDEX "articles_search_pairs_idx" ON "articles" USING gin ("search_pairs");
  CREATE TRIGGER "articles_search_pairs"
    BEFORE INSERT OR UPDATE OF "search_vector" ON "articles"
    FOR EACH ROW EXECUTE FUNCTION articles_set_search_pairs();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "articles_search_pairs" ON "articles";
  DROP INDEX IF EXISTS "articles_search_pairs_idx";
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_pairs";
  DROP FUNCTION IF EXISTS articles_set_search_pairs();
  DROP FUNCTION IF EXISTS phrase_pairs(tsvector);
  `)
}
