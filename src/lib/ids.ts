/**
 * The id of a relationship value, however Payload hands it over: an id, a
 * numeric string (form data), or a populated document. Null otherwise.
 */
export function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return null
}
