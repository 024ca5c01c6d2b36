import type { TextField } from 'payload'

/**
 * The editor tab's presence session (src/components/admin/Presence fills it in the form), sent
 * with every save so `refuseTakenOverSave` can refuse a tab that someone took over. Never stored.
 */
export const editSessionField: TextField = {
  name: 'editSession',
  type: 'text',
  virtual: true,
  admin: { hidden: true },
}
