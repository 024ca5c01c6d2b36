/**
 * The populated documents of a relationship field, in order: ids (a relation
 * read too shallow, or to a document the reader may not see) and removed
 * documents (null) are left out.
 */
export function populated<T extends object>(refs: unknown): T[] {
  return Array.isArray(refs)
    ? refs.filter((ref): ref is T => typeof ref === 'object' && ref !== null)
    : []
}
