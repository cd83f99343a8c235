/** Naming shared by the gateway Worker, scripts/edge (wrangler.toml generation) and the smoke test. */
export const GATEWAY = 'gateway'

/** The deployed Worker's name on Cloudflare. */
export function workerName(resource: string): string {
  return `koprogo-${resource}`
}

/** The gateway's service binding to a resource Worker. */
export function serviceBinding(resource: string): string {
  return `SVC_${resource.toUpperCase().replaceAll('-', '_')}`
}
