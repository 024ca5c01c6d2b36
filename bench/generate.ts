/**
 * Bulk-loads `count` realistic published articles (headline, dek, a titled
 * section of text, desk, byline, date) straight into PostgreSQL, far faster
 * than the Local API, for the search and listing benchmarks. Then fills their
 * search vectors with the same SQL function the hooks use.
 *
 *   node --import tsx bench/generate.ts <DATABASE_URL> <count>
 */
import pg from 'pg'

const WORDS = (
  'economy chips export controls semiconductor supply chain inflation tariffs shipping port climate ' +
  'flood defences energy grid battery lithium cobalt mining election parliament budget transit ' +
  'hospital vaccine research university startup funding cloud software security privacy regulation ' +
  'court ruling strike wages housing rents interest rates central bank currency trade minister summit ' +
  'drought harvest wheat coffee tourism aviation airline railway bridge tunnel satellite telescope'
).split(' ')

export async function generateArticles(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('BEGIN')
    const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`
    const word = (expr: string) => `(${words})[1 + ((${expr}) % ${WORDS.length})]`
    const phrase = (seed: string, length: number) =>
      Array.from({ length }, (_, k) => word(`${seed} * ${7 + k * 13} + ${k * 31}`)).join(
        " || ' ' || ",
      )
    const stamp = Date.now().toString(36)
    await client.query(
      `INSERT INTO articles (headline, dek, slug, section_id, published_at, modified_at, _status, breaking, comments_enabled)
       SELECT initcap(${phrase('i', 6)}),
              initcap(${phrase('i + 3', 18)}) || '.',
              'bench-${stamp}-' || i,
              (SELECT id FROM sections ORDER BY id OFFSET (i % (SELECT count(*) FROM sections)) LIMIT 1),
              now() - (i * interval '17 minutes'),
              now() - (i * interval '17 minutes'),
              'published', false, true
       FROM generate_series(1, $1::int) AS i`,
      [count],
    )
    await client.query(
      `INSERT INTO articles_body (_order, _parent_id, id, heading, anchor, content)
       SELECT 1, a.id, md5(a.id::text || 'body'), initcap(${phrase('a.id', 4)}), 'section-1',
              jsonb_build_object('root', jsonb_build_object('type', 'root', 'version', 1, 'children',
                jsonb_build_array(jsonb_build_object('type', 'paragraph', 'version', 1, 'children',
                  jsonb_build_array(jsonb_build_object('type', 'text', 'version', 1, 'text',
                    ${phrase('a.id + 5', 40)} || '. ' || ${phrase('a.id + 11', 40)} || '.'))))))
       FROM articles a WHERE a.slug LIKE 'bench-${stamp}-%'`,
    )
    await client.query(
      `INSERT INTO articles_rels ("order", parent_id, path, authors_id)
       SELECT 1, a.id, 'authors', (SELECT id FROM authors ORDER BY id LIMIT 1)
       FROM articles a WHERE a.slug LIKE 'bench-${stamp}-%'`,
    )
    await client.query(
      `UPDATE articles SET search_vector = article_search_vector(id) WHERE slug LIKE 'bench-${stamp}-%'`,
    )
    await client.query('COMMIT')
    // What autovacuum does on a live database soon after a bulk load.
    await client.query('VACUUM (ANALYZE) articles, articles_body, articles_rels')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    await client.end()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, count] = [process.argv[2], Number(process.argv[3])]
  if (!url || !Number.isInteger(count) || count < 1) {
    console.error('Usage: node --import tsx bench/generate.ts <DATABASE_URL> <count>')
    process.exit(2)
  }
  const started = Date.now()
  await generateArticles(url, count)
  console.log(`Generated ${count} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
