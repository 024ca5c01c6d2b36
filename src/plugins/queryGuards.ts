import type { Plugin } from 'payload'

import { guardQueries } from '@/lib/queryGuards'

/**
 * `guardQueries` before every collection's own hooks, the plugins' collections
 * (redirects) included: listed last in the config's plugins for that reason.
 */
export const queryGuards: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [guardQueries, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
