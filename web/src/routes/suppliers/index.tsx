// /suppliers: its ResourcePages list behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../../components/Guard'
import { SuppliersPage } from '../../pages/ResourcePages'

export default function Route() {
  return (
    <Guard path="/suppliers">
      <SuppliersPage />
    </Guard>
  )
}
