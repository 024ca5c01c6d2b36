import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { imageLimits } from '@/uploads/limits'
import { listMediaObjects } from '@/uploads/listMediaObjects'
import type { Media } from '@/payload-types'

import { createUser, unique } from '../support/factories'
import { testPayload } from '../support/payload'
import { logIn, upload } from '../support/rest'

/**
 * A pixel bomb — a file of a few hundred kilobytes that decodes to gigabytes —
 * must be refused from its header, and the images a newsroom really uploads
 * must not take the server's memory with them, even several at once.
 */
let payload: Payload
let token: string

/** A solid-colour PNG of the given size: it compresses to kilobytes whatever its pixel count. */
async function solidPng(width: number, height: number): Promise<Buffer> {
  const tiny = await sharp({
    create: { width: 8, height: 8, channels: 3, background: '#3366aa' },
  })
    .png()
    .toBuffer()
  return sharp(tiny)
    .resize(width, height, { kernel: 'nearest' })
    .png({ compressionLevel: 9 })
    .toBuffer()
}

function uploadImage(data: Buffer, name: string, alt: string, type = 'image/png') {
  return upload('media', { data, name, type }, { alt }, token)
}

async function errorMessage(response: Response): Promise<string> {
  const { errors } = (await response.json()) as { errors: { message: string }[] }
  return errors[0]!.message
}

async function mediaWithAlt(alt: string) {
  const found = await payload.find({ collection: 'media', where: { alt: { equals: alt } } })
  return found.docs
}

function storedPath(filename: string): string {
  return path.resolve(process.env.MEDIA_DIR!, filename)
}

/** This process's resident memory, in bytes: now, and at its peak since `resetPeak`. */
function residentMemory(): { now: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8')
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1])
  return { now: kilobytes('VmRSS') * 1024, peak: kilobytes('VmHWM') * 1024 }
}

/** Starts the peak-memory count afresh (Linux: writing 5 to clear_refs resets VmHWM). */
function resetPeak(): void {
  writeFileSync('/proc/self/clear_refs', '5')
}

beforeAll(async () => {
  payload = await testPayload()
  const editor = await createUser(payload, 'editor')
  token = await logIn(editor.email)
}, 120_000)

describe('image uploads', () => {
  it('refuses a 16000 × 16000 image from its header, naming the limit, and stores nothing', async () => {
    const alt = unique('pixel bomb')
    const bomb = await solidPng(16_000, 16_000)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)

    const response = await uploadImage(bomb, 'bomb.png', alt)

    expect(response.status).toBe(413)
    const message = await errorMessage(response)
    expect(message).toContain('16000 × 16000')
    expect(message).toContain(
      `${imageLimits.maxSide.toLocaleString('en-GB')} pixels on its longest side`,
    )
    expect(await mediaWithAlt(alt)).toHaveLength(0)
    expect(existsSync(storedPath('bomb.webp'))).toBe(false)
    expect(existsSync(storedPath('bomb.png'))).toBe(false)
  })

  it('refuses an image within the side limit whose pixel count is over the cap', async () => {
    const alt = unique('wide bomb')
    const side = imageLimits.maxSide
    const tooMany = await solidPng(side, Math.ceil(imageLimits.maxPixels / side) + 1)

    const response = await uploadImage(tooMany, 'wide.png', alt)

    expect(response.status).toBe(413)
    expect(await errorMessage(response)).toContain(
      `${imageLimits.maxPixels / 1_000_000} megapixels`,
    )
    expect(await mediaWithAlt(alt)).toHaveLength(0)
  })

  it('keeps the original at most the stored size on its longest side', async () => {
    const alt = unique('camera original')
    const photo = await solidPng(6000, 4000)

    const response = await uploadImage(photo, 'camera.png', alt)

    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Media }
    expect(doc.mimeType).toBe('image/webp')
    expect(Math.max(doc.width!, doc.height!)).toBe(imageLimits.storedMaxSide)
    const onDisk = await sharp(storedPath(doc.filename!)).metadata()
    expect(Math.max(onDisk.width, onDisk.height)).toBe(imageLimits.storedMaxSide)
    expect(onDisk.width / onDisk.height).toBeCloseTo(6000 / 4000, 2)
  })

  /**
   * The bound: three uploads of images at the pixel cap, all at once, lift this
   * process's resident memory by less than 200 MB, with the allocator setting
   * the server ships with (MALLOC_ARENA_MAX=2; vitest.config.ts sets it as the
   * Dockerfile and `npm start` do). Measured here: about 100 MB; about 280 MB
   * when the three decode side by side; over 700 MB before uploads were bounded.
   */
  it('holds three simultaneous uploads at the pixel cap under 200 MB of extra memory', async () => {
    expect(process.env.MALLOC_ARENA_MAX, 'run under vitest.config.ts').toBe('2')
    const side = Math.floor(Math.sqrt(imageLimits.maxPixels))
    const images = await Promise.all([0, 1, 2].map(() => solidPng(side, side)))
    const alts = images.map(() => unique('large upload'))

    resetPeak()
    const before = residentMemory().now
    const responses = await Promise.all(
      images.map((data, index) => uploadImage(data, `large-${index}.png`, alts[index]!)),
    )
    const { peak } = residentMemory()

    expect(responses.map((response) => response.status)).toEqual([201, 201, 201])
    expect(peak - before).toBeLessThan(200 * 1024 * 1024)
  }, 120_000)

  it('lists every stored file with its size for a backup, the original and each size', async () => {
    const response = await uploadImage(await solidPng(2400, 1350), 'listed.png', unique('listed'))
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Media }

    const listed = await listMediaObjects()

    const names = [doc.filename!, ...Object.values(doc.sizes ?? {}).map((size) => size!.filename!)]
    expect(names).toHaveLength(5)
    for (const name of names) {
      expect(listed).toContainEqual({ key: name, size: readFileSync(storedPath(name)).length })
    }
  })

  it('refuses content that is not an image whatever its name says', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    )
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    const polyglot = Buffer.concat([
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .gif()
        .toBuffer(),
      Buffer.from('<script>alert(1)</script>'),
    ])

    const answers = await Promise.all([
      uploadImage(svg, 'logo.png', 'svg'),
      uploadImage(html, 'photo.jpg', 'html', 'image/jpeg'),
      uploadImage(svg, 'logo.svg', 'svg', 'image/svg+xml'),
    ])
    for (const answer of answers) expect(answer.status).toBe(415)
    for (const answer of answers) {
      expect(await errorMessage(answer)).toContain('not a JPEG, PNG, WebP, AVIF or GIF image')
    }

    // A GIF with a script appended is still a GIF: it is re-encoded, and the script is gone.
    const response = await uploadImage(polyglot, 'polyglot.gif', unique('polyglot'), 'image/gif')
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Media }
    expect(doc.mimeType).toBe('image/webp')
    expect(readFileSync(storedPath(doc.filename!)).includes('<script>')).toBe(false)
  })
})
