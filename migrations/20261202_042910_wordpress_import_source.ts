import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "imported_from_source" varchar;
  ALTER TABLE "articles" ADD COLUMN "imported_from_hash" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_imported_from_source" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_imported_from_hash" varchar;
  CREATE INDEX "articles_imported_from_imported_from_source_idx" ON "articles" USING btree ("imported_from_source");
  CREATE INDEX "_articles_v_version_imported_from_version_imported_from__idx" ON "_articles_v" USING btree ("version_imported_from_source");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_imported_from_imported_from_source_idx";
  DROP INDEX "_articles_v_version_imported_from_version_imported_from__idx";
  ALTER TABLE "articles" DROP COLUMN "imported_from_source";
  ALTER TABLE "articles" DROP COLUMN "imported_from_hash";
  ALTER TABLE "_articles_v" DROP COLUMN "version_imported_from_source";
  ALTER TABLE "_articles_v" DROP COLUMN "version_imported_from_hash";`)
}
