/** Slips a spell-checker in a hurry misses: a small dictionary of common typos. */
export const COMMON_TYPOS: Record<string, string> = {
  accomodate: 'accommodate',
  acheive: 'achieve',
  adress: 'address',
  agressive: 'aggressive',
  arguement: 'argument',
  begining: 'beginning',
  beleive: 'believe',
  calender: 'calendar',
  commited: 'committed',
  concensus: 'consensus',
  definately: 'definitely',
  enviroment: 'environment',
  existance: 'existence',
  goverment: 'government',
  independant: 'independent',
  occured: 'occurred',
  occurence: 'occurrence',
  persue: 'pursue',
  publically: 'publicly',
  recieve: 'receive',
  reccomend: 'recommend',
  seperate: 'separate',
  succesful: 'successful',
  teh: 'the',
  tommorow: 'tomorrow',
  untill: 'until',
  wich: 'which',
  wierd: 'weird',
}

/** "the the", "to to": the same word twice in a row (case-insensitive). */
export function doubledWords(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/\b(\p{L}+)\s+\1\b/giu)) {
    const [whole, word] = match
    // "had had" and "that that" can be right; they are rare enough to show anyway.
    if (whole && word) found.push(`${word} ${word}`)
  }
  return found
}

export function typos(text: string): { typo: string; correction: string }[] {
  const found: { typo: string; correction: string }[] = []
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const correction = COMMON_TYPOS[word]
    if (correction) found.push({ typo: word, correction })
  }
  return found
}

export const countWords = (text: string) => (text.match(/\S+/g) ?? []).length
