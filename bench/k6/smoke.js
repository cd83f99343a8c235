// Smoke: one user, 30 s of the mix; any failed request fails the run (CI gate).
import { benchSetup, mixRequest } from './lib.js'

export const options = {
  vus: 1,
  duration: __ENV.DURATION || '30s',
  thresholds: { checks: ['rate==1'], http_req_duration: ['p(99)<500'] },
}
export const setup = benchSetup
export default mixRequest
