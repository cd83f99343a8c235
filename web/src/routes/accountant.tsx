// /accountant: the AccountantDashboard page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import AccountantDashboard from '../pages/AccountantDashboard'

export default function Route() {
  return (
    <Guard path="/accountant">
      <AccountantDashboard />
    </Guard>
  )
}
