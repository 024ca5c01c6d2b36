import { parseArgs, type ParseArgsConfig } from 'node:util'

/**
 * The command line of an import script: one file and the given options. A
 * wrong option or file count prints the message and `usage`, and exits 2.
 */
export function fileArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  options: T,
  usage: string,
) {
  let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: T }>>
  try {
    parsed = parseArgs({ allowPositionals: true, options })
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
  const [file] = parsed.positionals
  if (!file || parsed.positionals.length > 1) {
    console.error(usage)
    process.exit(2)
  }
  return { file, values: parsed.values }
}
