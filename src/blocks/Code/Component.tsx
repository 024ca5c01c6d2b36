import { CODE_LANGUAGES } from './config'
import type { CodeBlock } from '@/payload-types'

const labelOf = (language: string | null | undefined): string =>
  (language && CODE_LANGUAGES[language as keyof typeof CODE_LANGUAGES]) || CODE_LANGUAGES.plaintext

/**
 * A code block: `<pre><code class="language-x">`, no highlighter (no script on the page). The
 * `<pre>` scrolls sideways on a narrow screen and takes keyboard focus so it can be scrolled
 * without a mouse; the figure's caption names the language.
 */
export function CodeBlockView({ code, language }: Pick<CodeBlock, 'code' | 'language'>) {
  if (!code) return null
  const known = language && language in CODE_LANGUAGES ? language : 'plaintext'
  return (
    <figure className="code-block">
      <figcaption className="code-block__language">{labelOf(known)}</figcaption>
      <pre tabIndex={0}>
        <code className={`language-${known}`}>{code}</code>
      </pre>
    </figure>
  )
}
