/**
 * A per-tab session id (a UUID v4). crypto.randomUUID exists only on https and localhost; an
 * admin reached over plain http inside a newsroom's network still gets one from getRandomValues.
 */
export function newSessionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The body row (`body-row-N`, Payload's id for array rows) an element sits in, or null. */
export function bodyRowIndex(element: EventTarget | null): number | null {
  if (!(element instanceof Element)) return null
  const row = element.closest('[id^="body-row-"]')
  const match = row?.id.match(/^body-row-(\d+)$/)
  return match ? Number(match[1]) : null
}
