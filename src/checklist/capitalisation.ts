import type { HeadingCase } from './types'

/** Words a title-case heading leaves lower-case, and a sentence-case one never capitalises mid-sentence. */
export const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'nor',
  'for',
  'so',
  'yet',
  'as',
  'at',
  'by',
  'in',
  'of',
  'off',
  'on',
  'per',
  'to',
  'up',
  'via',
  'vs',
  'with',
  'from',
  'into',
  'over',
  'than',
  'that',
])

interface Word {
  text: string
  /** First word, or first after a colon, dash or question mark: capitalised in either style. */
  opensClause: boolean
}

function words(heading: string): Word[] {
  const result: Word[] = []
  let opens = true
  for (const token of heading.split(/\s+/)) {
    const text = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (text) result.push({ text, opensClause: opens })
    opens = /[:?!–—]$/.test(token) || token === '–' || token === '—' || token === '-'
  }
  return result
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word)
const isLower = (word: string) => /^\p{Ll}/u.test(word)
/** U.S., AI, MindSpore, iPhone, H100: written the way their owners write them. */
const isFixedForm = (word: string) =>
  /\p{N}/u.test(word) ||
  /^\p{Lu}{2,}/u.test(word) ||
  /\p{Ll}\p{Lu}/u.test(word) ||
  word.includes('.')

/**
 * The words that break the house style, or an empty list. Sentence case: a
 * capitalised small word ("In", "And") mid-sentence, or a heading whose
 * words are all capitalised (title case). Title case: a lower-case word of four or
 * more letters, or a capitalised small word mid-title. Proper nouns cannot be
 * told apart from capitalised words, so sentence case tolerates a few.
 */
export function caseSlips(heading: string, style: HeadingCase): string[] {
  const list = words(heading).filter((word) => !word.opensClause && !isFixedForm(word.text))
  const minorCapitalised = list.filter(
    (word) => MINOR_WORDS.has(word.text.toLowerCase()) && isCapitalised(word.text),
  )
  const major = list.filter((word) => !MINOR_WORDS.has(word.text.toLowerCase()))
  if (style === 'title') {
    const lowerMajor = major.filter((word) => word.text.length >= 4 && isLower(word.text))
    return [...minorCapitalised, ...lowerMajor].map((word) => word.text)
  }
  const capitalisedMajor = major.filter((word) => isCapitalised(word.text))
  // Proper nouns are capitalised in any style; a heading with no lower-case word at all is title case.
  const looksTitleCase = capitalisedMajor.length >= 2 && !major.some((word) => isLower(word.text))
  return [...minorCapitalised, ...(looksTitleCase ? capitalisedMajor : [])].map((word) => word.text)
}
