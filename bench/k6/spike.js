// Spike: 20 → 200 connections for 30 s and back; the API must shed no 5xx and recover its latency.
import { benchSetup, mixRequest } from './lib.js'

export const options = {
  stages: [
    { duration: '20s', target: 20 },
    { duration: '10s', target: 200 },
    { duration: '30s', target: 200 },
    { duration: '10s', target: 20 },
    { duration: '30s', target: 20 },
  ],
  thresholds: { 'checks{check:no 5xx}': ['rate==1'], http_req_failed: ['rate<0.01'] },
}
export const setup = benchSetup
export default mixRequest
