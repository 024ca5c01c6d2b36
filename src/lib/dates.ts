const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
})

/** "5 December 2025" — formatted in UTC so server and reader agree. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** "5 December 2025, 09:00 UTC". */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso))
}
