import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "imported_from_notes" varchar;
  ALTER TABLE "articles" ADD COLUMN "imported_from_notes_checked" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_imported_from_notes" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_imported_from_notes_checked" boolean DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "imported_from_notes";
  ALTER TABLE "articles" DROP COLUMN "imported_from_notes_checked";
  ALTER TABLE "_articles_v" DROP COLUMN "version_imported_from_notes";
  ALTER TABLE "_articles_v" DROP COLUMN "version_imported_from_notes_checked";`)
}
