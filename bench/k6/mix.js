// The anchor's scenario: 20 connections, the Rust KoproGo's mix, 60 s (DURATION=180s to compare).
// Targets of docs/performance.md as thresholds: P99 ≤ 50 ms, no 5xx, no 4xx.
import { benchSetup, mixRequest } from './lib.js'

export const options = {
  vus: Number(__ENV.VUS || 20),
  duration: __ENV.DURATION || '60s',
  thresholds: {
    http_req_duration: ['p(99)<50'],
    'checks{check:no 5xx}': ['rate==1'],
    checks: ['rate>0.999'],
  },
}
export const setup = benchSetup
export default mixRequest
