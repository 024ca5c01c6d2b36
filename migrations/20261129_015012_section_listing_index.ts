import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "section__status_publishedAt_idx" ON "articles" USING btree ("section_id","_status","published_at");
  CREATE INDEX "version_section_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_section_id","version__status","version_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "section__status_publishedAt_idx";
  DROP INDEX "version_section_version__status_version_publishedAt_idx";`)
}
