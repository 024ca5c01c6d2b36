import type { Block } from 'payload'

import { checkHref } from '@/lib/safeHref'

/**
 * A video, a post or a map from another site, pasted as its address. The
 * server resolves it once, when the article is saved (src/embeds/resolve.ts):
 * oEmbed gives a title, an author, a thumbnail (copied into Media) and the
 * player's address. Readers get that card — no third-party script or request —
 * until they click to load the player; an address that could not be resolved
 * is a plain link.
 */
/** The longest address an embed takes. */
export const EMBED_URL_MAX_LENGTH = 2000

export const EmbedBlock: Block = {
  slug: 'embed',
  interfaceName: 'EmbedBlock',
  labels: { singular: 'Embed', plural: 'Embeds' },
  fields: [
    {
      name: 'url',
      label: 'Address',
      type: 'text',
      required: true,
      maxLength: EMBED_URL_MAX_LENGTH,
      admin: {
        description:
          'Paste the address of a video or post (YouTube, Vimeo, Mastodon, X…). The card is made when you save.',
      },
      validate: (value: unknown) => {
        if (typeof value !== 'string' || !value.trim()) return 'Paste the address to embed.'
        const check = checkHref(value.trim())
        if (!check.ok) return `This address cannot be embedded: ${check.reason}.`
        return /^https?:\/\//i.test(check.href) || 'Embed an http:// or https:// address.'
      },
    },
    {
      name: 'card',
      type: 'group',
      admin: {
        readOnly: true,
        description: 'Made from the address when the article is saved; readers see this.',
      },
      fields: [
        { name: 'resolvedUrl', type: 'text', admin: { hidden: true } },
        {
          name: 'status',
          type: 'select',
          options: [
            { label: 'Card', value: 'card' },
            { label: 'Plain link', value: 'link' },
          ],
        },
        { name: 'title', type: 'text' },
        { name: 'author', type: 'text' },
        { name: 'provider', type: 'text' },
        { name: 'thumbnail', type: 'upload', relationTo: 'media' },
        {
          name: 'player',
          type: 'text',
          admin: { description: 'The player loaded when a reader clicks (https only).' },
        },
        { name: 'aspectRatio', type: 'number' },
        { name: 'reason', label: 'Why it is a plain link', type: 'text' },
        // The server's mark on the card (src/embeds/resolve.ts): a hand-made card is remade.
        { name: 'signature', type: 'text', admin: { hidden: true } },
      ],
    },
  ],
}
