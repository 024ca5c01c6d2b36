/**
 * `node --import tsx src/scripts/renderEdge.ts <folder> <host:port>…`: writes the proxy's
 * configuration for a Varnish that runs elsewhere (docker-compose.yml's `edge`), from the same
 * code `npm run start:edge` uses: `broadsheet.vcl` (deploy/varnish/default.vcl with every app
 * replica as a backend, round robin, and each replica allowed to PURGE) and `varnishd.args`
 * (the varnishd parameters, EDGE_LIMITS included, one argument per line).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { renderVcl, varnishdArgs } from '@/edge/varnish'

export interface Replica {
  host: string
  port: number
}

export function parseReplica(value: string): Replica {
  const match = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(value)
  if (!match) throw new Error(`"${value}" is not host:port (e.g. app1:3000)`)
  return { host: match[1]!, port: Number(match[2]) }
}

/**
 * The VCL for several replicas, through renderVcl. Until renderVcl takes the backend list itself
 * (the cluster work: `backends`, one backend block and add_backend line per replica), the
 * template has one backend (`app`) and no director: the others are then copies of its block
 * (same timeouts) behind a round robin added here. Once the template has its own director this
 * adds nothing.
 */
export function renderReplicasVcl(replicas: Replica[]): string {
  const [first, ...rest] = replicas
  if (!first) throw new Error('Name at least one app replica (host:port).')
  const vcl = renderVcl({
    backendHost: first.host,
    backendPort: first.port,
    backends: replicas,
    purgers: replicas.map((replica) => replica.host),
  } as Parameters<typeof renderVcl>[0])
  if (rest.length === 0 || vcl.includes('directors.round_robin()')) return vcl
  const block = /backend app \{[^}]*\}/.exec(vcl)?.[0]
  if (!block) throw new Error('deploy/varnish/default.vcl has no `backend app { … }` block')
  const names = ['app', ...rest.map((_, index) => `app_${index + 2}`)]
  const copies = rest.map((replica, index) =>
    block
      .replace('backend app {', `backend ${names[index + 1]} {`)
      .replace(`.host = "${first.host}"`, `.host = "${replica.host}"`)
      .replace(`.port = "${first.port}"`, `.port = "${replica.port}"`),
  )
  const director = [
    'sub vcl_init {',
    '  new replicas = directors.round_robin();',
    ...names.map((name) => `  replicas.add_backend(${name});`),
    '}',
    '',
    'sub vcl_backend_fetch {',
    '  set bereq.backend = replicas.backend();',
    '}',
  ]
  return `${vcl.replace('import xkey;\n', 'import xkey;\nimport directors;\n')}\n# The other replicas (src/scripts/renderEdge.ts).\n${copies.join('\n\n')}\n\n${director.join('\n')}\n`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [folder, ...replicas] = process.argv.slice(2)
  if (!folder || replicas.length === 0) {
    console.error('Usage: renderEdge.ts <folder> <host:port>… (e.g. /vcl app1:3000 app2:3000)')
    process.exit(2)
  }
  mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(folder, 'broadsheet.vcl'), renderReplicasVcl(replicas.map(parseReplica)))
  writeFileSync(path.join(folder, 'varnishd.args'), `${varnishdArgs().join('\n')}\n`)
  console.log(`Wrote ${folder}/broadsheet.vcl (${replicas.join(', ')}) and varnishd.args`)
}
