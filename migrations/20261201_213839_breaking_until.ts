import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "breaking_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_breaking_until" timestamp(3) with time zone;`)
  // Stories marked breaking before expiry times existed stop being breaking three hours after
  // they were published (a year-old "Breaking" label is the case this fixes).
  await db.execute(sql`
   UPDATE "articles" SET "breaking_until" = coalesce("published_at", "updated_at") + interval '3 hours'
   WHERE "breaking" AND "breaking_until" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "breaking_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_breaking_until";`)
}
