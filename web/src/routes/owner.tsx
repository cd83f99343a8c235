// /owner: the OwnerDashboard page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import OwnerDashboard from '../pages/OwnerDashboard'

export default function Route() {
  return (
    <Guard path="/owner">
      <OwnerDashboard />
    </Guard>
  )
}
