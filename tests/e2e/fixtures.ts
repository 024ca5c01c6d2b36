import { test as base, expect } from '@playwright/test'

export { EDITOR } from './globalSetup'

/** Every test talks to the server that globalSetup started. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL
    if (!url) throw new Error('E2E_BASE_URL is not set: run the suite with `npx playwright test`.')
    await use(url)
  },
})

export { expect }

export const REFERENCE = {
  path: '/technology/ren-zhengfei-us-china-ai-divergent-directions',
  headline:
    'Ren Zhengfei Says U.S. And China Are Moving artificial Intelligence In divergent Directions',
}
