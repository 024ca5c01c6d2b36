import type { Access } from 'payload'

/** Public reference data (sections, tags, authors, media): readable by everyone. */
export const anyone: Access = () => true
