/**
 * `npm run generate:types` / `npm run generate:importmap`: Payload's own
 * generators, called in-process. Through the payload CLI they sometimes exit
 * 0 having written nothing (upstream #17757, #16381; here about one run in
 * three): the CLI loads the config lazily through tsx, and that import can
 * stall with nothing left to keep Node running. Loading the config first, as
 * here, has not stalled once in our trials.
 */
process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused'
process.env.PAYLOAD_SECRET ??= 'generate-only-secret-0123456789'

const what = process.argv[2]
if (what !== 'types' && what !== 'importmap') {
  console.error('Usage: node --import tsx src/scripts/generate.ts types|importmap')
  process.exit(2)
}

const config = await (await import('../../payload.config')).default
if (what === 'types') {
  const { generateTypes } = await import('payload/node')
  await generateTypes(config)
} else {
  const { generateImportMap } = await import('payload')
  await generateImportMap(config, { force: true, log: true })
}
process.exit(0)

export {}
