import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Full-text search over articles (issue 4): a stored, weighted tsvector with a
 * GIN index, and the SQL function that computes it. Headline (A) outranks the
 * dek (B), which outranks section headings and text (C) and the questions and
 * answers of embedded FAQs (D). Payload's schema does not know the column; the
 * article and FAQ hooks call article_search_vector() after each change.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION lexical_text(doc jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(string_agg(node #>> '{}', ' '), '')
      FROM jsonb_path_query(coalesce(doc, 'null'::jsonb), 'strict $.**.text') AS node
    $$;

  CREATE OR REPLACE FUNCTION article_search_vector(article_id integer) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
      SELECT
        setweight(to_tsvector('english', coalesce(a.headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(a.dek, '')), 'B') ||
        setweight(to_tsvector('english', coalesce((
          SELECT string_agg(coalesce(b.heading, '') || ' ' || lexical_text(b.content), ' ' ORDER BY b._order)
          FROM articles_body b WHERE b._parent_id = a.id), '')), 'C') ||
        setweight(to_tsvector('english', coalesce((
          SELECT string_agg(f.question || ' ' || lexical_text(f.answer), ' ')
          FROM articles_rels r JOIN faqs f ON f.id = r.faqs_id
          WHERE r.parent_id = a.id AND r.path = 'embeddedFaqs'), '')), 'D')
      FROM articles a WHERE a.id = article_id
    $$;

  CREATE OR REPLACE FUNCTION article_search_text(article_id integer) RETURNS text
    LANGUAGE sql STABLE AS $$
      SELECT coalesce(a.dek, '') || ' ' || coalesce((
        SELECT string_agg(coalesce(b.heading, '') || '. ' || lexical_text(b.content), ' ' ORDER BY b._order)
        FROM articles_body b WHERE b._parent_id = a.id), '')
      FROM articles a WHERE a.id = article_id
    $$;

  ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector;
  UPDATE "articles" SET "search_vector" = article_search_vector(id);
  CREATE INDEX "articles_search_vector_idx" ON "articles" USING gin ("search_vector");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "articles_search_vector_idx";
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_vector";
  DROP FUNCTION IF EXISTS article_search_text(integer);
  DROP FUNCTION IF EXISTS article_search_vector(integer);
  DROP FUNCTION IF EXISTS lexical_text(jsonb);
  `)
}
