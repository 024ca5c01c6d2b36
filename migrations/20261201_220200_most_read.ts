import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * First-party page views (src/mostRead): counts per article per hour, and
 * nothing about the reader. `article_view_readers` holds, for one day, a
 * salted hash per reader and article so a reload is not a second view;
 * `article_view_limits` counts one address hash's requests in the current
 * minute (the flood cap, shared by every app process). Both are pruned
 * (src/mostRead/store.ts): neither keeps an address, and the hashes' salt
 * changes every day. `most_read_ranking` is the rail's last ranking, so only a
 * change purges the home page, once, whichever process notices it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS article_views (
      article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      hour timestamptz NOT NULL,
      views integer NOT NULL DEFAULT 0,
      PRIMARY KEY (article_id, hour)
    );
    CREATE INDEX IF NOT EXISTS article_views_hour_idx ON article_views (hour);
    CREATE TABLE IF NOT EXISTS article_view_readers (
      day date NOT NULL,
      article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      reader text NOT NULL,
      PRIMARY KEY (day, article_id, reader)
    );
    CREATE TABLE IF NOT EXISTS article_view_limits (
      reader text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      requests integer NOT NULL
    );
    CREATE TABLE IF NOT EXISTS most_read_ranking (
      id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      ranking text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS most_read_ranking;
    DROP TABLE IF EXISTS article_view_limits;
    DROP TABLE IF EXISTS article_view_readers;
    DROP TABLE IF EXISTS article_views;
  `)
}
