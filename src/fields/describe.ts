import type { Field } from 'payload'

/** Adds help text to a plugin's fields by name (the plugins take no descriptions of their own). */
export function withDescriptions(fields: Field[], descriptions: Record<string, string>): Field[] {
  return fields.map((field) => {
    if (!('name' in field) || !descriptions[field.name]) return field
    return { ...field, admin: { ...field.admin, description: descriptions[field.name] } } as Field
  })
}
