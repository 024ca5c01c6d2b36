import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Presence in the article editor (issue 14, item 2; src/presence/). One row per open editor tab,
 * written by SQL from every app process so replicas agree: the tab's heartbeat keeps `seen_at`
 * fresh (a row older than 15 s is no longer shown); "Take over" marks the other editors' tabs
 * with who took over and when, and a save carrying such a tab's session is refused. Taken-over
 * rows outlive the 15 s (a day, longer than a login lasts) so a tab that wakes up later is still
 * refused.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "article_presence" (
    "session_id" uuid PRIMARY KEY NOT NULL,
    "article_id" integer NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE,
    "user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "section_id" varchar(64),
    "section_heading" varchar(300),
    "seen_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
    "taken_over_by" integer REFERENCES "users"("id") ON DELETE SET NULL,
    "taken_over_by_name" varchar,
    "taken_over_at" timestamp(3) with time zone
  );
  CREATE INDEX "article_presence_article_seen_idx" ON "article_presence" USING btree ("article_id", "seen_at");
  CREATE INDEX "article_presence_seen_at_idx" ON "article_presence" USING btree ("seen_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE "article_presence";`)
}
