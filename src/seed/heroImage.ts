import sharp from 'sharp'

/**
 * Demo heroes are drawn here rather than shipped as binaries: a 1600×900
 * abstract of two diverging paths in the article's palette.
 */
export async function drawHeroImage([from, to]: [string, string]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>
  <path d="M120 820 C 520 700, 700 520, 800 450 S 1200 160, 1520 90" stroke="#ffffff" stroke-opacity=".75" stroke-width="18" fill="none"/>
  <path d="M120 820 C 520 720, 760 640, 900 620 S 1250 640, 1520 760" stroke="#ffffff" stroke-opacity=".45" stroke-width="18" fill="none"/>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
