import type { JobsConfig } from 'payload'

import { editors, isEditor } from '@/access/roles'

import { expireBreaking } from './expireBreaking'
import { shouldRunJobs } from './leader'

/**
 * How often the in-app runner looks for due jobs: every second, so a breaking banner leaves the
 * site within a second of its time and a scheduled article goes live within one. A tick with
 * nothing due is one indexed UPDATE on payload_jobs.
 */
export const JOBS_CRON = '* * * * * *'

/**
 * Payload's jobs queue, run inside the app: scheduled publishing (and
 * unpublishing) of articles, and the end of each breaking story (./expireBreaking.ts). The runner starts with the app (src/scripts/start.ts
 * asks /next/jobs as soon as the server is up; any page or API request starts
 * it too); with several app processes on one database, one of them runs the
 * jobs at a time (./leader.ts). Editors see every job under Newsroom → Scheduled jobs, a failed one
 * with its error.
 */
export const jobs: JobsConfig = {
  tasks: [expireBreaking],
  autoRun: [{ cron: JOBS_CRON, queue: 'default', limit: 20 }],
  // Every app process ticks; only the one holding the jobs lock runs them (./leader.ts).
  shouldAutoRun: shouldRunJobs,
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    labels: { singular: 'Scheduled job', plural: 'Scheduled jobs' },
    admin: {
      ...defaultJobsCollection.admin,
      group: 'Newsroom',
      hidden: ({ user }) => !isEditor(user),
      defaultColumns: ['taskSlug', 'input', 'waitUntil', 'completedAt', 'hasError', 'error'],
      description:
        'Scheduled publishing and the end of breaking stories run here. A job that failed shows “Has error” and why; fix the article and schedule it again.',
    },
    access: { read: editors, create: editors, update: () => false, delete: editors },
  }),
}
