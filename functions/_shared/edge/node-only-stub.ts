/**
 * Stands in for Node-only modules in Worker bundles (wrangler.toml `alias`): PGlite's WebAssembly,
 * the file-reading Drizzle migrators and `ws`. The lazy imports in db/client.ts never reach these
 * on the edge (a Worker always has DATABASE_URL or Hyperdrive), so anything that does is a bug.
 */
function unavailable(): never {
  throw new Error('This module is not available in a Worker bundle (see wrangler.toml [alias])')
}

export const PGlite = unavailable
export const drizzle = unavailable
export const migrate = unavailable
export default unavailable
