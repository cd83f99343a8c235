// /admin: the AdminDashboard page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import AdminDashboard from '../pages/AdminDashboard'

export default function Route() {
  return (
    <Guard path="/admin">
      <AdminDashboard />
    </Guard>
  )
}
