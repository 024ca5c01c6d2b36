import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "imported_from" varchar;
  CREATE INDEX "media_imported_from_idx" ON "media" USING btree ("imported_from");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_imported_from_idx";
  ALTER TABLE "media" DROP COLUMN "imported_from";`)
}
