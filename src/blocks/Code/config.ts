import type { Block } from 'payload'

/**
 * The languages a code block can be labelled with: the label readers see, and
 * `language-<value>` on the `<code>` element (the class highlighters and
 * importers use). Anything else is "Plain text".
 */
export const CODE_LANGUAGES = {
  plaintext: 'Plain text',
  bash: 'Shell',
  c: 'C',
  cpp: 'C++',
  csharp: 'C#',
  css: 'CSS',
  diff: 'Diff',
  go: 'Go',
  html: 'HTML',
  java: 'Java',
  javascript: 'JavaScript',
  json: 'JSON',
  kotlin: 'Kotlin',
  markdown: 'Markdown',
  php: 'PHP',
  python: 'Python',
  r: 'R',
  ruby: 'Ruby',
  rust: 'Rust',
  sql: 'SQL',
  swift: 'Swift',
  toml: 'TOML',
  typescript: 'TypeScript',
  xml: 'XML',
  yaml: 'YAML',
} as const

export type CodeLanguage = keyof typeof CODE_LANGUAGES

export const CODE_MAX_LENGTH = 20_000

/**
 * Code or preformatted text, shown as written (spaces and line breaks kept) with
 * its language as a label. A plain text area, not Payload's premade code block:
 * that one loads the Monaco editor from a CDN, which the admin's
 * Content-Security-Policy (and an offline newsroom) refuses.
 */
export const CodeBlock: Block = {
  slug: 'code',
  interfaceName: 'CodeBlock',
  labels: { singular: 'Code', plural: 'Code blocks' },
  fields: [
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'plaintext',
      options: Object.entries(CODE_LANGUAGES).map(([value, label]) => ({ value, label })),
    },
    {
      name: 'code',
      type: 'textarea',
      required: true,
      maxLength: CODE_MAX_LENGTH,
      admin: {
        rows: 8,
        description: 'Shown exactly as typed, in a fixed-width font; long lines scroll sideways.',
      },
    },
  ],
}
