// Soak: 20 connections at a steady 500 req/s for 30 min (DURATION); watch the API's RSS alongside
// (ps -o rss= -p <pid>): it must stay flat, and latency must not drift.
import { benchSetup, mixRequest } from './lib.js'

export const options = {
  scenarios: {
    soak: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 500),
      timeUnit: '1s',
      duration: __ENV.DURATION || '30m',
      preAllocatedVUs: 20,
      maxVUs: 50,
    },
  },
  thresholds: { http_req_duration: ['p(99)<50'], 'checks{check:no 5xx}': ['rate==1'] },
}
export const setup = benchSetup
export default mixRequest
