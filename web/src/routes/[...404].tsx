// Any other path goes back to the landing page (which sends a signed-in user to their dashboard).
import { Navigate } from '@solidjs/router'

export default function Route() {
  return <Navigate href="/" />
}
