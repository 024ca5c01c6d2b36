export const site = {
  name: 'Broadsheet',
  tagline: 'News and analysis',
  locale: 'en_GB',
  language: 'en',
} as const
