import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

import { htmlPolicy, inlineScriptHashes } from '@/server/contentSecurityPolicy'
import { withoutScripts } from '@/server/notFoundDocument'
import { applySecurityHeaders, areaOf, constantHeaders } from '@/server/securityHeaders'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

const flight = 'self.__next_f.push([1,"0:{\\"a\\":1}"])'
const page = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script>
<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
<body><main>Story</main><script>${flight}</script><script>self.__next_f.push([2])</script>
<script>${flight}</script></body></html>`

function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ')
      return [name, sources]
    }),
  )
}

describe('the content security policy of a page', () => {
  it('allows each inline script of that page by its hash, once, and no data block or file', () => {
    expect(inlineScriptHashes(page)).toEqual([sha256(flight), sha256('self.__next_f.push([2])')])
  })

  it('gives reader pages self-hosted scripts, no plugins, no foreign base and framing by the site only', () => {
    const policy = htmlPolicy('reader', page)
    const directives = directivesOf(policy)
    expect(directives['script-src']).toEqual([
      "'self'",
      sha256(flight),
      sha256('self.__next_f.push([2])'),
    ])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['base-uri']).toEqual(["'self'"])
    expect(directives['frame-ancestors']).toEqual(["'self'"])
    expect(policy).not.toContain('unsafe-inline')
    expect(policy).not.toContain('unsafe-eval')
  })

  it('loads images from this origin only, unless told where else images come from (S3_PUBLIC_URL)', () => {
    expect(directivesOf(htmlPolicy('reader', page))['img-src']).toEqual([
      "'self'",
      'data:',
      'blob:',
    ])
    expect(
      directivesOf(htmlPolicy('reader', page, { imageOrigins: ['https://media.example.com'] }))[
        'img-src'
      ],
    ).toEqual(["'self'", 'data:', 'blob:', 'https://media.example.com'])
  })

  it('lets no other page frame the admin', () => {
    expect(htmlPolicy('admin', page)).toContain("frame-ancestors 'none'")
  })

  it('hashes a script written with CR LF as the browser reads it', () => {
    expect(inlineScriptHashes('<script>a();\r\nb();</script>')).toEqual([sha256('a();\nb();')])
  })
})

describe('the styles of a page', () => {
  it('allows exactly the style attributes the page carries, as the browser reads them', () => {
    const html =
      '<ul><li style="list-style-type:none">a</li><p style="font-family:&quot;Serif&quot;">b</p></ul>'
    const styles = directivesOf(htmlPolicy('reader', html))['style-src']
    expect(styles).toEqual([
      "'self'",
      "'unsafe-hashes'",
      sha256('list-style-type:none'),
      sha256('font-family:"Serif"'),
    ])
  })

  it('allows no inline style at all on a page without one', () => {
    expect(directivesOf(htmlPolicy('reader', page))['style-src']).toEqual(["'self'"])
  })
})

describe('the headers of every response', () => {
  it('tells browsers to stay on https only when the public URL is https', () => {
    expect(constantHeaders({ https: true })['Strict-Transport-Security']).toBe('max-age=31536000')
    expect(constantHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security')
  })

  it('sorts paths into reader pages, the admin, the API and build files', () => {
    expect(
      [
        '/',
        '/world/a-story',
        '/admin',
        '/admin/login',
        '/api/articles',
        '/_next/static/x.js',
        '/administer',
      ].map(areaOf),
    ).toEqual(['reader', 'reader', 'admin', 'admin', 'api', 'static', 'reader'])
  })
})

describe('the server in front of Next', () => {
  // Next compresses responses with this middleware, inside its request handler.
  const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    next: () => void,
  ) => void

  it('sends a streamed, compressed page with the policy of its whole body, and JSON without one', async () => {
    const compress = compression()
    const server = http.createServer((request, response) => {
      applySecurityHeaders(request, response, { https: false })
      compress(request, response, () => undefined)
      const json = request.url === '/api/articles'
      response.setHeader('content-type', json ? 'application/json' : 'text/html; charset=utf-8')
      // Next flushes the head of a streamed page early, then writes as rendering goes.
      response.flushHeaders()
      response.write(json ? '{"docs":' : page.slice(0, 100))
      setTimeout(() => response.end(json ? '[]}' : page.slice(100)), 5)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const html = await fetch(`${base}/world/a-story`, { headers: { 'accept-encoding': 'gzip' } })
      expect(html.headers.get('content-encoding')).toBe('gzip')
      expect(await html.text()).toBe(page)
      expect(html.headers.get('content-security-policy')).toBe(htmlPolicy('reader', page))
      expect(html.headers.get('cross-origin-opener-policy')).toBe('same-origin')

      const api = await fetch(`${base}/api/articles`)
      expect(await api.json()).toEqual({ docs: [] })
      expect(api.headers.get('content-security-policy')).toContain("default-src 'none'")
    } finally {
      server.close()
    }
  })

  it('sends the designed document as the body of a reader 404, in the same encoding, or Next’s own when there is none', async () => {
    const shell =
      '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>self.__next_f=[]</script></body></html>'
    const designed =
      '<!DOCTYPE html><html lang="en"><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>'
    let available: string | null = designed
    const compress = compression()
    const server = http.createServer((request, response) => {
      applySecurityHeaders(request, response, {
        https: false,
        notFoundDocument: async () => available,
      })
      compress(request, response, () => undefined)
      response.statusCode = request.url === '/world/a-story' ? 200 : 404
      response.setHeader('content-type', 'text/html; charset=utf-8')
      response.setHeader('etag', '"of-the-shell"')
      response.setHeader('xkey', 'article-page:/world/gone')
      response.flushHeaders()
      response.write(request.url === '/world/a-story' ? page.slice(0, 100) : shell.slice(0, 40))
      setTimeout(
        () => response.end(request.url === '/world/a-story' ? page.slice(100) : shell.slice(40)),
        5,
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const gone = await fetch(`${base}/world/gone`, { headers: { 'accept-encoding': 'gzip' } })
      expect(gone.status).toBe(404)
      expect(gone.headers.get('content-encoding')).toBe('gzip')
      expect(await gone.text()).toBe(designed)
      expect(gone.headers.get('content-security-policy')).toBe(htmlPolicy('reader', designed))
      expect(gone.headers.get('etag')).toBeNull()
      expect(gone.headers.get('xkey')).toBe('article-page:/world/gone')

      // A page that exists is never touched.
      const found = await fetch(`${base}/world/a-story`)
      expect(await found.text()).toBe(page)

      // No designed document to be had: Next's answer, as it was.
      available = null
      const plain = await fetch(`${base}/world/gone`)
      expect(plain.status).toBe(404)
      expect(await plain.text()).toBe(shell)
    } finally {
      server.close()
    }
  })
})

describe('the 404 document', () => {
  it('is the page without its scripts or their preloads, its structured data kept', () => {
    const html = withoutScripts(
      '<!DOCTYPE html><html><head><link rel="preload" as="script" href="/a.js"><link rel="modulepreload" href="/b.js"><link rel="stylesheet" href="/s.css"><script src="/c.js" async></script><script type="application/ld+json">{"@type":"WebSite"}</script></head><body><h1>Page not found</h1><script>self.__next_f.push([1,""])</script></body></html>',
    )
    expect(html).not.toMatch(/<script(?![^>]*ld\+json)/)
    expect(html).not.toContain('.js')
    expect(html).toContain('<link rel="stylesheet" href="/s.css">')
    expect(html).toContain('{"@type":"WebSite"}')
    expect(html).toContain('<h1>Page not found</h1>')
  })
})
