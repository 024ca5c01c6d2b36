import type {
  DefaultNodeTypes,
  SerializedAutoLinkNode,
  SerializedBlockNode,
  SerializedLinkNode,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConvertersFunction,
  RichText as LexicalRichText,
} from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import { CodeBlockView } from '@/blocks/Code/Component'
import { EmbedBlockView } from '@/blocks/Embed/Component'
import { ComparisonTableBlockView } from '@/blocks/ComparisonTable/Component'
import { FaqBlockView } from '@/blocks/Faq/Component'
import { GalleryBlockView } from '@/blocks/Gallery/Component'
import { PullQuoteBlockView } from '@/blocks/PullQuote/Component'
import { HeroImage } from '@/components/HeroImage'
import { withSafeUrls } from '@/lib/richTextPolicy'
import { safeHref } from '@/lib/safeHref'
import { urls } from '@/lib/urls'
import type {
  CodeBlock,
  ComparisonTableBlock,
  EmbedBlock,
  FaqBlock,
  GalleryBlock,
  Media,
  PullQuoteBlock,
} from '@/payload-types'

type Nodes =
  | DefaultNodeTypes
  | SerializedBlockNode<ComparisonTableBlock>
  | SerializedBlockNode<FaqBlock>
  | SerializedBlockNode<CodeBlock>
  | SerializedBlockNode<GalleryBlock>
  | SerializedBlockNode<PullQuoteBlock>
  | SerializedBlockNode<EmbedBlock>

function linkHref(node: SerializedLinkNode | SerializedAutoLinkNode): string | null {
  const { fields } = node
  if (node.type === 'link' && fields.linkType === 'internal') {
    const doc = fields.doc?.value
    if (doc && typeof doc === 'object' && fields.doc?.relationTo === 'articles') {
      return urls.article(doc as { slug?: string; section?: { slug?: string } })
    }
    return null
  }
  return safeHref(fields.url)
}

function anchor(node: SerializedLinkNode | SerializedAutoLinkNode, children: ReactNode) {
  const href = linkHref(node)
  if (!href) return <>{children}</>
  const external = /^https?:/.test(href)
  return (
    <a
      href={href}
      rel={external ? 'noopener' : undefined}
      target={node.fields.newTab ? '_blank' : undefined}
    >
      {children}
    </a>
  )
}

const converters: JSXConvertersFunction<Nodes> = ({ defaultConverters }) => ({
  ...defaultConverters,
  // Payload's converter gives every list item a `value`, which HTML allows only inside <ol>.
  listitem: (args) => {
    const { node, nodesToJSX, parent } = args
    const fallback = defaultConverters.listitem
    if ('listType' in parent && parent.listType === 'check' && typeof fallback === 'function') {
      return fallback(args)
    }
    const children = nodesToJSX({ nodes: node.children })
    const nested = node.children.some((child) => child.type === 'list')
    const ordered = 'tag' in parent && parent.tag === 'ol'
    return (
      <li
        className={nested ? 'nestedListItem' : undefined}
        style={nested ? { listStyleType: 'none' } : undefined}
        value={ordered ? node.value : undefined}
      >
        {children}
      </li>
    )
  },
  // An image in the text is a figure with its caption and credit, as the hero image is.
  upload: (args) => {
    const { node } = args
    const fallback = defaultConverters.upload
    if (node.relationTo === 'media' && node.value && typeof node.value === 'object') {
      const media = node.value as Media
      if (media.mimeType?.startsWith('image/')) {
        return (
          <HeroImage
            media={media}
            sizes="(min-width: 800px) 720px, 100vw"
            className="inline-image"
          />
        )
      }
    }
    return typeof fallback === 'function' ? fallback(args) : null
  },
  // Links and autolinks (a typed or pasted address) go through the one URL policy.
  link: ({ node, nodesToJSX }) => anchor(node, nodesToJSX({ nodes: node.children })),
  autolink: ({ node, nodesToJSX }) => anchor(node, nodesToJSX({ nodes: node.children })),
  blocks: {
    comparisonTable: ({ node }) => <ComparisonTableBlockView table={node.fields.table} />,
    faq: ({ node }) => <FaqBlockView faqs={node.fields.faqs} />,
    code: ({ node }) => <CodeBlockView code={node.fields.code} language={node.fields.language} />,
    gallery: ({ node }) => (
      <GalleryBlockView caption={node.fields.caption} images={node.fields.images} />
    ),
    embed: ({ node }) => <EmbedBlockView url={node.fields.url} card={node.fields.card} />,
    pullQuote: ({ node }) => (
      <PullQuoteBlockView quote={node.fields.quote} attribution={node.fields.attribution} />
    ),
  },
})

export function RichText({ data, className }: { data: unknown; className?: string }) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  return (
    <LexicalRichText
      // Any other node that carries an address (an upload, or one added later) gets it checked too.
      data={withSafeUrls(data as SerializedEditorState)}
      converters={converters}
      className={className}
      disableContainer={!className}
    />
  )
}
