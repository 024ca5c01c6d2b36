/** What an image document says about its files. */
export interface ImageFiles {
  filename?: string | null
  sizes?: Record<string, { filename?: string | null } | null | undefined> | null
}

/** The file names of an image: the original, then every size made at upload. */
export function imageFileNames(doc: ImageFiles | null | undefined): string[] {
  if (!doc) return []
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
  return names.filter((name): name is string => typeof name === 'string' && name.length > 0)
}
