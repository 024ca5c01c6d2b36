import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * Installs Debian's `packages` when `binary` is missing and this runs as root (as CI and these
 * machines do); exits with apt's status when that fails. Elsewhere the caller's own error names
 * the package to install.
 */
export function installWhenMissing(binary: string, packages: string[]): void {
  if (existsSync(binary) || process.getuid?.() !== 0) return
  console.log(`Installing ${packages.join(' and ')} from Debian (once)…`)
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  const installed = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (installed.status !== 0) process.exit(installed.status ?? 1)
}
