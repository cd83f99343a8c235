/** Prints the Worker ids (wrangler environments), resources (and the jobs Worker) first and the
 * gateway last: a gateway's service bindings must point at Workers that already exist when it
 * deploys. `--resources`: only the Workers that take the settings and secrets (all but the gateway). */
import { edgeWorkers } from './workers.ts'

const workers = edgeWorkers()
const ids = [...workers.filter((w) => w.settings), ...workers.filter((w) => !w.settings)].map((w) => w.id)
const only = process.argv.includes('--resources')
process.stdout.write(
  `${(only ? ids.filter((id) => workers.find((w) => w.id === id)?.settings) : ids).join('\n')}\n`,
)
