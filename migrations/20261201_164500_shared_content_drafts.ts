import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The article_search migration's search vector; `faqFilter` narrows the FAQs
 * it reads (the published ones, once FAQs have drafts).
 */
function articleSearchVector(faqFilter: string) {
  return sql.raw(`
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
          WHERE r.parent_id = a.id AND r.path = 'embeddedFaqs' ${faqFilter}), '')), 'D')
      FROM articles a WHERE a.id = article_id
    $$;`)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_faqs_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__faqs_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_comparison_tables_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__comparison_tables_v_version_status" AS ENUM('draft', 'published');
  ALTER TABLE "faqs" ALTER COLUMN "question" DROP NOT NULL;
  ALTER TABLE "faqs" ALTER COLUMN "answer" DROP NOT NULL;
  ALTER TABLE "_faqs_v" ALTER COLUMN "version_question" DROP NOT NULL;
  ALTER TABLE "_faqs_v" ALTER COLUMN "version_answer" DROP NOT NULL;
  ALTER TABLE "comparison_tables_columns" ALTER COLUMN "label" DROP NOT NULL;
  ALTER TABLE "comparison_tables_columns" ALTER COLUMN "type" DROP NOT NULL;
  ALTER TABLE "comparison_tables" ALTER COLUMN "title" DROP NOT NULL;
  ALTER TABLE "_comparison_tables_v_version_columns" ALTER COLUMN "label" DROP NOT NULL;
  ALTER TABLE "_comparison_tables_v_version_columns" ALTER COLUMN "type" DROP NOT NULL;
  ALTER TABLE "_comparison_tables_v" ALTER COLUMN "version_title" DROP NOT NULL;
  ALTER TABLE "faqs" ADD COLUMN "_status" "enum_faqs_status" DEFAULT 'draft';
  ALTER TABLE "_faqs_v" ADD COLUMN "version__status" "enum__faqs_v_version_status" DEFAULT 'draft';
  ALTER TABLE "_faqs_v" ADD COLUMN "latest" boolean;
  ALTER TABLE "comparison_tables" ADD COLUMN "_status" "enum_comparison_tables_status" DEFAULT 'draft';
  ALTER TABLE "_comparison_tables_v" ADD COLUMN "version__status" "enum__comparison_tables_v_version_status" DEFAULT 'draft';
  ALTER TABLE "_comparison_tables_v" ADD COLUMN "latest" boolean;
  CREATE INDEX "faqs__status_idx" ON "faqs" USING btree ("_status");
  CREATE INDEX "_faqs_v_version_version__status_idx" ON "_faqs_v" USING btree ("version__status");
  CREATE INDEX "_faqs_v_latest_idx" ON "_faqs_v" USING btree ("latest");
  CREATE INDEX "comparison_tables__status_idx" ON "comparison_tables" USING btree ("_status");
  CREATE INDEX "_comparison_tables_v_version_version__status_idx" ON "_comparison_tables_v" USING btree ("version__status");
  CREATE INDEX "_comparison_tables_v_latest_idx" ON "_comparison_tables_v" USING btree ("latest");
  -- Everything that existed was live: it stays published, its newest version the latest.
  UPDATE "faqs" SET "_status" = 'published';
  UPDATE "_faqs_v" SET "version__status" = 'published';
  UPDATE "_faqs_v" v SET "latest" = true
    WHERE v.id = (SELECT max(w.id) FROM "_faqs_v" w WHERE w.parent_id = v.parent_id);
  UPDATE "comparison_tables" SET "_status" = 'published';
  UPDATE "_comparison_tables_v" SET "version__status" = 'published';
  UPDATE "_comparison_tables_v" v SET "latest" = true
    WHERE v.id = (SELECT max(w.id) FROM "_comparison_tables_v" w WHERE w.parent_id = v.parent_id);
  -- Search reads the published FAQ (the faqs row), never an unpublished one.
  ${articleSearchVector("AND f._status = 'published'")}
  UPDATE "articles" SET "search_vector" = article_search_vector(id);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ${articleSearchVector('')}
   DROP INDEX "faqs__status_idx";
  DROP INDEX "_faqs_v_version_version__status_idx";
  DROP INDEX "_faqs_v_latest_idx";
  DROP INDEX "comparison_tables__status_idx";
  DROP INDEX "_comparison_tables_v_version_version__status_idx";
  DROP INDEX "_comparison_tables_v_latest_idx";
  ALTER TABLE "faqs" ALTER COLUMN "question" SET NOT NULL;
  ALTER TABLE "faqs" ALTER COLUMN "answer" SET NOT NULL;
  ALTER TABLE "_faqs_v" ALTER COLUMN "version_question" SET NOT NULL;
  ALTER TABLE "_faqs_v" ALTER COLUMN "version_answer" SET NOT NULL;
  ALTER TABLE "comparison_tables_columns" ALTER COLUMN "label" SET NOT NULL;
  ALTER TABLE "comparison_tables_columns" ALTER COLUMN "type" SET NOT NULL;
  ALTER TABLE "comparison_tables" ALTER COLUMN "title" SET NOT NULL;
  ALTER TABLE "_comparison_tables_v_version_columns" ALTER COLUMN "label" SET NOT NULL;
  ALTER TABLE "_comparison_tables_v_version_columns" ALTER COLUMN "type" SET NOT NULL;
  ALTER TABLE "_comparison_tables_v" ALTER COLUMN "version_title" SET NOT NULL;
  ALTER TABLE "faqs" DROP COLUMN "_status";
  ALTER TABLE "_faqs_v" DROP COLUMN "version__status";
  ALTER TABLE "_faqs_v" DROP COLUMN "latest";
  ALTER TABLE "comparison_tables" DROP COLUMN "_status";
  ALTER TABLE "_comparison_tables_v" DROP COLUMN "version__status";
  ALTER TABLE "_comparison_tables_v" DROP COLUMN "latest";
  DROP TYPE "public"."enum_faqs_status";
  DROP TYPE "public"."enum__faqs_v_version_status";
  DROP TYPE "public"."enum_comparison_tables_status";
  DROP TYPE "public"."enum__comparison_tables_v_version_status";`)
}
