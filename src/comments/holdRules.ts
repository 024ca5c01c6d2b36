const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/gi
export const MAX_LINKS = 2

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0
}

/** Blocklist entries from the editors' setting: one per line, blank lines ignored. */
export function parseBlocklist(raw: string | null | undefined): string[] {
  return (raw ?? '')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whole-word (or whole-phrase) matches, so "ass" does not hold "classic". */
export function blockedWords(text: string, blocklist: string[]): string[] {
  const lower = text.toLowerCase()
  return blocklist.filter((entry) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(entry)}($|[^\\p{L}\\p{N}])`, 'u').test(lower),
  )
}

/** Why a comment should get a moderator's closer look; empty when nothing stands out. */
export function holdReasons(
  comment: { name: string; body: string },
  blocklist: string[],
  verified: boolean,
): string[] {
  const reasons: string[] = []
  const links = countLinks(comment.body)
  if (links > MAX_LINKS) reasons.push(`Contains ${links} links (more than ${MAX_LINKS})`)
  for (const word of blockedWords(`${comment.name}\n${comment.body}`, blocklist)) {
    reasons.push(`Contains the blocked word "${word}"`)
  }
  if (!verified) reasons.push('Sent without JavaScript: no proof of work, lower trust')
  return reasons
}
