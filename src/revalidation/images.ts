import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest, Where } from 'payload'

import { database } from '@/lib/database'

/**
 * The articles that show image `id`: as their hero, as their share (SEO meta)
 * image, or inside their text (a Lexical upload node, or an image of a gallery
 * block, stored in the section's JSON with no foreign key, so it is found in the JSON itself; one query for
 * all sections). A Payload `where` for `invalidateArticlesWhere`, which keeps
 * the published ones.
 */
export async function articlesShowingImage(req: PayloadRequest, id: number): Promise<Where> {
  const db = await database(req)
  const result = (await db.execute(sql`
    SELECT DISTINCT _parent_id AS id FROM articles_body
     WHERE jsonb_path_exists(content,
       '$.** ? (@.type == "upload" && (@.value == $id || @.value == $text || @.value.id == $id))',
       jsonb_build_object('id', ${id}::int, 'text', ${String(id)}::text))
        OR jsonb_path_exists(content,
       '$.** ? (@.type == "block" && @.fields.blockType == "gallery").fields.images[*] ? (@.image == $id || @.image == $text || @.image.id == $id)',
       jsonb_build_object('id', ${id}::int, 'text', ${String(id)}::text))`)) as {
    rows: { id: number }[]
  }
  const inText = result.rows.map((row) => row.id)
  return {
    or: [
      { heroImage: { equals: id } },
      { 'meta.image': { equals: id } },
      ...(inText.length > 0 ? [{ id: { in: inText } }] : []),
    ],
  }
}
