import { createEdgeGateway } from '../_shared/edge/gateway-worker.ts'

// The one allowed default export: Workers take their fetch handler from the module's default.
export default createEdgeGateway()
