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

/** The VCL for several replicas: every one a backend behind the template's round robin, each allowed to PURGE. */
export function renderReplicasVcl(replicas: Replica[]): string {
  const [first] = replicas
  if (!first) throw new Error('Name at least one app replica (host:port).')
  return renderVcl({
    backendHost: first.host,
    backendPort: first.port,
    backends: replicas,
    purgers: replicas.map((replica) => replica.host),
  })
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
