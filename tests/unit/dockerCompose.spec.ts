import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { EDGE_LIMITS, varnishdArgs } from '@/edge/varnish'
import { parseReplica, renderReplicasVcl } from '@/scripts/renderEdge'

// docker-compose.yml is read as Docker Compose reads it (YAML merge keys included). No Docker
// engine runs here: this checks the topology it describes, not that the images start.
interface Service {
  build?: string | { context: string; target?: string }
  image?: string
  command?: string[] | string
  entrypoint?: string[] | string
  environment?: Record<string, string | null>
  depends_on?: Record<string, { condition: string }>
  healthcheck?: { test: string[] }
  networks?: string[] | Record<string, { ipv4_address?: string }>
  restart?: string
  volumes?: string[]
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>
  volumes: Record<string, unknown>
}
const { services } = compose
/** A command as the container gets it: Compose turns `$$` into `$`. */
const text = (value: string[] | string | undefined) =>
  [value ?? []].flat().join(' ').replaceAll('$$', '$')

const APP_ENV = [
  'DATABASE_URL',
  'DATABASE_READ_URLS',
  'DATABASE_POOL_MAX',
  'PAYLOAD_SECRET',
  'NEXT_PUBLIC_SERVER_URL',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PUBLIC_URL',
  'PURGE_URLS',
  'TRUSTED_PROXIES',
  'BROADSHEET_JOBS',
]

describe('docker-compose.yml: Varnish → two app replicas → PostgreSQL, Redis, MinIO', () => {
  it('has every part of the topology, the database and media on volumes', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'app1',
        'app2',
        'db',
        'edge',
        'edge-config',
        'migrate',
        'minio',
        'minio-init',
        'redis',
      ].sort(),
    )
    expect(services.db?.volumes).toContain('pgdata:/var/lib/postgresql/data')
    expect(services.minio?.volumes).toContain('media:/data')
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pgdata', 'media']))
  })

  it('starts each service only once what it needs is healthy or has finished', () => {
    for (const name of ['app1', 'app2']) {
      expect(services[name]?.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
        'minio-init': { condition: 'service_completed_successfully' },
      })
    }
    expect(services.migrate?.depends_on?.db).toEqual({ condition: 'service_healthy' })
    expect(services['minio-init']?.depends_on?.minio).toEqual({ condition: 'service_healthy' })
    expect(services.edge?.depends_on).toMatchObject({
      'edge-config': { condition: 'service_completed_successfully' },
      app1: { condition: 'service_healthy' },
      app2: { condition: 'service_healthy' },
    })
    // A condition only means something when the service it waits on can meet it.
    for (const service of Object.values(services)) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        if (condition === 'service_healthy')
          expect(services[target]?.healthcheck, target).toBeDefined()
        if (condition === 'service_completed_successfully')
          expect(services[target]?.restart, target).toBe('no')
      }
    }
  })

  it('checks the replicas’ liveness and readiness, and waits for them to finish on a stop', () => {
    for (const name of ['app1', 'app2']) {
      const check = text(services[name]?.healthcheck?.test)
      expect(check).toContain('/api/health')
      expect(check).toContain('/api/ready')
    }
    for (const name of ['db', 'redis', 'minio', 'edge']) {
      expect(services[name]?.healthcheck?.test.length, name).toBeGreaterThan(0)
    }
  })

  it('gives both replicas the same environment: every setting the app reads in production', () => {
    for (const name of ['app1', 'app2']) {
      expect(Object.keys(services[name]?.environment ?? {})).toEqual(
        expect.arrayContaining(APP_ENV),
      )
    }
    expect(services.app1?.environment).toEqual(services.app2?.environment)
    const env = services.app1!.environment!
    // Only the proxy's address is trusted, and the replicas purge that proxy.
    const edgeNetworks = services.edge?.networks as Record<string, { ipv4_address?: string }>
    expect(env.TRUSTED_PROXIES).toBe(edgeNetworks.broadsheet?.ipv4_address)
    expect(env.PURGE_URLS).toBe('http://edge:8080')
    expect(env.S3_ENDPOINT).toBe('http://minio:9000')
    expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:6379/)
    expect(env.DATABASE_URL).toMatch(/@db:5432\//)
    // The bucket the replicas use is the one minio-init makes.
    expect(text(services['minio-init']?.entrypoint)).toContain(
      `mc mb --ignore-existing media/${env.S3_BUCKET}`,
    )
  })

  it('applies the migrations as a step of their own, from the image with the tools', () => {
    expect(text(services.migrate?.command)).toContain('npm run migrate')
    expect(services.migrate?.build).toEqual({ context: '.', target: 'tools' })
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/^FROM build AS tools$/m)
    expect(services.migrate?.environment?.DATABASE_URL).toBe(
      services.app1?.environment?.DATABASE_URL,
    )
    // Nothing in the app image applies migrations when it starts.
    expect(readFileSync('Dockerfile', 'utf8')).not.toMatch(/prodMigrations/)
  })

  it('renders the proxy for both replicas from the shipped VCL and limits, and real Varnish compiles it', () => {
    const command = text(services['edge-config']?.command)
    expect(command).toContain('src/scripts/renderEdge.ts /vcl app1:3000 app2:3000')
    expect(text(services.edge?.entrypoint)).toContain(
      '-f /vcl/broadsheet.vcl $(cat /vcl/varnishd.args)',
    )
    // The replicas' names resolve only inside Compose's network: the same VCL for two loopback
    // addresses here.
    const vcl = renderReplicasVcl(['127.0.0.11:3000', '127.0.0.12:3000'].map(parseReplica))
    expect(vcl).toContain('.host = "127.0.0.11";')
    expect(vcl).toContain('.host = "127.0.0.12";')
    expect(vcl).toContain('directors.round_robin()')
    expect(vcl.match(/^\s*replicas\.add_backend\(\w+\);$/gm)).toHaveLength(2)
    // Readable by the user varnishd's compiler runs as (a mkdtemp folder is not), as startEdge's.
    const dir = path.resolve('.data', `vcl-check-${Date.now().toString(36)}`)
    mkdirSync(dir, { recursive: true })
    try {
      writeFileSync(path.join(dir, 'broadsheet.vcl'), vcl)
      execFileSync(
        '/usr/sbin/varnishd',
        ['-C', '-f', path.join(dir, 'broadsheet.vcl'), '-n', dir],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    // The file edge-config writes beside it, which the edge passes to varnishd.
    const args = varnishdArgs().join(' ')
    for (const [name, value] of Object.entries(EDGE_LIMITS))
      expect(args).toContain(`${name}=${value}`)
  })
})
