// /: the public landing page (file route; the page lives in src/pages).
import Landing from '../pages/Landing'

export default function Route() {
  return <Landing />
}
