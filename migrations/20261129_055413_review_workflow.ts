import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_review_status" AS ENUM('draft', 'in_review', 'sent_back', 'published');
  CREATE TYPE "public"."enum__articles_v_version_review_status" AS ENUM('draft', 'in_review', 'sent_back', 'published');
  ALTER TABLE "articles" ADD COLUMN "review_status" "enum_articles_review_status" DEFAULT 'draft';
  ALTER TABLE "articles" ADD COLUMN "review_note" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_status" "enum__articles_v_version_review_status" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_note" varchar;
  CREATE INDEX "articles_review_status_idx" ON "articles" USING btree ("review_status");
  CREATE INDEX "_articles_v_version_version_review_status_idx" ON "_articles_v" USING btree ("version_review_status");`)
  // Articles already live start out "published"; everything else is a draft.
  await db.execute(sql`
  UPDATE "articles" SET "review_status" = 'published' WHERE "_status" = 'published';
  UPDATE "_articles_v" SET "version_review_status" = 'published' WHERE "version__status" = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_review_status_idx";
  DROP INDEX "_articles_v_version_version_review_status_idx";
  ALTER TABLE "articles" DROP COLUMN "review_status";
  ALTER TABLE "articles" DROP COLUMN "review_note";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_status";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_note";
  DROP TYPE "public"."enum_articles_review_status";
  DROP TYPE "public"."enum__articles_v_version_review_status";`)
}
