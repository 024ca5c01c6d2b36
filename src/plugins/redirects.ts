import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import type { Field, FieldHook, PayloadRequest } from 'payload'

import { editors, staff } from '@/access/roles'
import { normaliseFromPath, normaliseTargetUrl } from '@/redirects/paths'
import { livePathOf } from '@/redirects/store'
import { revalidateRedirect, revalidateRedirectDelete } from '@/redirects/revalidate'
import { findLoop, livePageAt } from '@/redirects/validate'

type Sibling = { type?: string; url?: string | null; reference?: unknown }
type RedirectData = { id?: number | string; from?: string; to?: Sibling }
type ValidateArgs = { data?: Partial<RedirectData>; id?: number | string; req: PayloadRequest }

/** A pasted full URL or a trailing slash is stored as the plain path readers' requests are matched by. */
const normaliseFrom: FieldHook = ({ value }) => {
  const result = normaliseFromPath(value)
  return result.ok ? result.path : value
}

const normaliseUrl: FieldHook = ({ value }) => {
  const result = normaliseTargetUrl(value)
  return result.ok ? result.path : value
}

async function validateFrom(value: unknown, { req }: ValidateArgs): Promise<string | true> {
  const from = normaliseFromPath(value)
  if (!from.ok) return from.message
  const live = await livePageAt(from.path, req)
  return live
    ? `${from.path} is a live page (${live}); a redirect from it would hide it from readers.`
    : true
}

/** Where the redirect leads must end somewhere: not at itself, not round a loop of redirects. */
async function validateTarget(target: string | null, { data, id, req }: ValidateArgs) {
  const from = normaliseFromPath(data?.from)
  if (!from.ok || !target) return true
  return (await findLoop(from.path, target, req, id)) ?? true
}

async function validateUrl(value: unknown, args: ValidateArgs): Promise<string | true> {
  const url = normaliseTargetUrl(value)
  if (!url.ok) return url.message
  return validateTarget(url.path, args)
}

async function validateReference(value: unknown, args: ValidateArgs): Promise<string | true> {
  if (!value) return 'Choose the article or desk the old address should lead to.'
  const target = await livePathOf(value, args.req)
  if (!target) return 'That document is not published, so readers would land on a missing page.'
  return validateTarget(target, args)
}

function configureFields(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (!('name' in field)) return field
    if (field.name === 'from' && field.type === 'text') {
      return {
        ...field,
        admin: {
          ...field.admin,
          description:
            'The old address on this site, like /technology/old-headline. Changing an article’s slug or desk, or a desk’s slug, adds one automatically.',
        },
        hooks: { beforeValidate: [normaliseFrom] },
        validate: validateFrom as never,
      }
    }
    if (field.name === 'to' && field.type === 'group') {
      return {
        ...field,
        fields: field.fields.map((inner) => {
          if (!('name' in inner)) return inner
          if (inner.name === 'url' && inner.type === 'text') {
            return {
              ...inner,
              hooks: { beforeValidate: [normaliseUrl] },
              validate: validateUrl as never,
            }
          }
          if (inner.name === 'reference' && inner.type === 'relationship') {
            return { ...inner, validate: validateReference as never }
          }
          return inner
        }),
      }
    }
    return field
  })
}

/** @payloadcms/plugin-redirects, configured for the newsroom: answered with a 301 by proxy.ts. */
export const redirects = redirectsPlugin({
  collections: ['articles', 'sections'],
  redirectTypes: ['301', '302', '307', '308'],
  redirectTypeFieldOverride: {
    defaultValue: '301',
    label: 'Kind',
    admin: {
      description:
        '301 (permanent) for moved pages; a temporary kind only for a page that will come back.',
    },
  },
  overrides: {
    labels: { singular: 'Redirect', plural: 'Redirects' },
    admin: {
      group: 'Newsroom',
      useAsTitle: 'from',
      defaultColumns: ['from', 'to.type', 'type', 'updatedAt'],
      listSearchableFields: ['from', 'to.url'],
      description:
        'Old addresses and where they now lead. Readers and search engines who follow an old link are sent on with a 301.',
    },
    access: {
      read: staff,
      create: editors,
      update: editors,
      delete: editors,
    },
    fields: ({ defaultFields }) => configureFields(defaultFields),
    hooks: { afterChange: [revalidateRedirect], afterDelete: [revalidateRedirectDelete] },
  },
})
