// /syndic: the SyndicDashboard page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import SyndicDashboard from '../pages/SyndicDashboard'

export default function Route() {
  return (
    <Guard path="/syndic">
      <SyndicDashboard />
    </Guard>
  )
}
