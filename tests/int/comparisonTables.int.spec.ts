import { APIError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { toLexical } from '@/seed/lexical'

import { articleData, seededIds, tableData } from '../support/factories'
import { testPayload } from '../support/payload'

let ids: { deskId: number; authorId: number }

beforeAll(async () => {
  ids = await seededIds(await testPayload())
})

describe('comparison tables', () => {
  it('refuses a row with the wrong number of cells, naming the row', async () => {
    const payload = await testPayload()
    const attempt = payload.create({
      collection: 'comparison-tables',
      data: tableData({
        rows: [{ cells: [{ value: 'A' }, { value: '1' }] }, { cells: [{ value: 'B' }] }],
      }),
    })
    await expect(attempt).rejects.toBeInstanceOf(APIError)
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      message: 'Row 2 has 1 cell but the table has 2 columns.',
    })
  })

  it('accepts rows with one cell per column', async () => {
    const payload = await testPayload()
    const table = await payload.create({ collection: 'comparison-tables', data: tableData() })
    expect(table.rows).toHaveLength(1)
  })

  it('refuses to delete a table an article embeds, naming the article, and keeps both', async () => {
    const payload = await testPayload()
    const table = await payload.create({ collection: 'comparison-tables', data: tableData() })
    const article = await payload.create({
      collection: 'articles',
      data: articleData(ids, {
        headline: 'Chip prices compared',
        body: [
          {
            heading: 'Prices',
            content: toLexical([{ type: 'table', table: 'x' }], {
              tables: new Map([['x', table.id]]),
              faqs: new Map(),
            }),
          },
        ],
      }),
    })
    expect(article.embeddedTables).toEqual([expect.objectContaining({ id: table.id })])

    const attempt = payload.delete({ collection: 'comparison-tables', id: table.id })
    await expect(attempt).rejects.toBeInstanceOf(APIError)
    await expect(attempt).rejects.toThrow(/used in 1 article \(“Chip prices compared”\)/)
    await expect(
      payload.findByID({ collection: 'comparison-tables', id: table.id }),
    ).resolves.toMatchObject({ id: table.id })
    const reread = await payload.findByID({ collection: 'articles', id: article.id, depth: 2 })
    expect(reread.embeddedTables).toHaveLength(1)
  })

  it('can be deleted once no article embeds it', async () => {
    const payload = await testPayload()
    const table = await payload.create({ collection: 'comparison-tables', data: tableData() })
    await payload.delete({ collection: 'comparison-tables', id: table.id })
    await expect(
      payload.findByID({ collection: 'comparison-tables', id: table.id }),
    ).rejects.toThrow()
  })
})
