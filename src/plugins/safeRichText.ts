import type { Config, Field, FieldHook, RichTextField } from 'payload'
import { ValidationError } from 'payload'

import { type EditorShape, richTextProblem } from '@/lib/richTextPolicy'

interface SanitizedEditorConfig {
  features?: { nodes?: { node: { getType?: () => string } }[] }
  resolvedFeatureMap?: Map<string, { sanitizedServerFeatureProps?: Record<string, unknown> }>
}

const ALL_HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']
const shapes = new WeakMap<object, EditorShape>()

/** What the field's own (sanitized) Lexical editor registers: its nodes, blocks and heading sizes. */
function shapeOf(field: RichTextField): EditorShape {
  const editor = field.editor as unknown as { editorConfig?: SanitizedEditorConfig } | undefined
  const known = editor && shapes.get(editor)
  if (known) return known
  const config = editor?.editorConfig
  const props = (key: string) => config?.resolvedFeatureMap?.get(key)?.sanitizedServerFeatureProps
  const slugs = (list: unknown) =>
    Array.isArray(list) ? list.map((block: { slug: string }) => block.slug) : []
  const blocks = props('blocks')
  const headings = props('heading')?.enabledHeadingSizes
  const shape: EditorShape = {
    nodeTypes: new Set(
      (config?.features?.nodes ?? [])
        .map(({ node }) => node.getType?.())
        .filter(Boolean) as string[],
    ),
    blockTypes: new Set([...slugs(blocks?.blocks), ...slugs(blocks?.inlineBlocks)]),
    headingTags: new Set(Array.isArray(headings) ? (headings as string[]) : ALL_HEADINGS),
  }
  if (editor) shapes.set(editor, shape)
  return shape
}

/**
 * Refuses, with a 400 that says what to fix, a rich text the editor could not
 * open or whose links the URL policy refuses. A field hook, so it runs for
 * draft saves and autosaves too (Payload skips field validation for those).
 */
const refuseUnsafeRichText: FieldHook = ({ value, field, path, collection, global, req }) => {
  const problem = richTextProblem(value, shapeOf(field as RichTextField))
  if (!problem) return value
  throw new ValidationError(
    {
      collection: collection?.slug,
      global: global?.slug,
      errors: [{ path: path.join('.'), message: problem }],
    },
    req.t,
  )
}

function guard(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'richText') {
      const hooks = field.hooks ?? {}
      return {
        ...field,
        hooks: {
          ...hooks,
          beforeValidate: [refuseUnsafeRichText, ...(hooks.beforeValidate ?? [])],
        },
      }
    }
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: guard(tab.fields) })) }
    }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: guard(block.fields) })),
      }
    }
    if ('fields' in field) return { ...field, fields: guard(field.fields) } as Field
    return field
  })
}

/**
 * Every rich-text field of every collection and global — the ones there are
 * and any added later — gets the structure and URL check. Runs last, so it
 * also sees fields other plugins add.
 */
export function safeRichText(config: Config): Config {
  return {
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      fields: guard(collection.fields),
    })),
    globals: config.globals?.map((global) => ({ ...global, fields: guard(global.fields) })),
  }
}
