/**
 * `npm run lint:content [-- <slug> …]`: the publish checklist over the latest
 * version of every article (or the ones named). Exits 1 when any article has
 * an error — the same errors that block publishing in the admin.
 */
import { runWithPayload } from './withPayload'

const slugs = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))

await runWithPayload('lint:content', async (payload) => {
  const { formatReport, lintArticles } = await import('@/checklist/lint')
  const results = await lintArticles(payload, slugs)
  if (slugs.length && results.length === 0) {
    console.error(`No article has the slug ${slugs.join(', ')}.`)
    return 2
  }
  console.log(formatReport(results))
  return results.some((result) => result.errors.length > 0) ? 1 : 0
})
