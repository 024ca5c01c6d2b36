import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * What each editor's copy of an article was based on (src/coediting): a
 * save carries the id of the snapshot its form was last in step with, and
 * the server merges against it section by section. `sent` is what that
 * client sent (null for a copy that was only read, or a save that named no
 * base); `returned` is the article as stored after it; `merged_in`, what that
 * save took from someone else's change. Kept a while, then pruned; never read by readers.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS edit_snapshots (
      id serial PRIMARY KEY,
      article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      user_id integer REFERENCES users(id) ON DELETE SET NULL,
      returned_hash text NOT NULL,
      is_save boolean NOT NULL DEFAULT false,
      sent jsonb,
      returned jsonb NOT NULL,
      merged_in jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS edit_snapshots_article_hash_idx
      ON edit_snapshots (article_id, returned_hash) WHERE NOT is_save;
    CREATE INDEX IF NOT EXISTS edit_snapshots_article_idx ON edit_snapshots (article_id, id);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS edit_snapshots`)
}
