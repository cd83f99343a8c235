/** Prints the Worker ids (wrangler environments), resources first and the gateway last: a
 * gateway's service bindings must point at Workers that already exist when it deploys. */
import { edgeWorkers } from './workers.ts'

const workers = edgeWorkers()
const ids = [...workers.filter((w) => w.resource), ...workers.filter((w) => !w.resource)].map((w) => w.id)
const only = process.argv.includes('--resources')
process.stdout.write(
  `${(only ? ids.filter((id) => workers.find((w) => w.id === id)?.resource) : ids).join('\n')}\n`,
)
