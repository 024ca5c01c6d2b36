/** What a column holds; the reader's table aligns and formats its cells by it. */
export const COLUMN_TYPES = ['text', 'number', 'currency', 'percent', 'date'] as const
