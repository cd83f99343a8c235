// /suppliers/:id: the supplier's record and account, opened by whoever may open the list.
import { Guard } from '../../components/Guard'
import SupplierPage from '../../pages/SupplierPage'

export default function Route() {
  return (
    <Guard path="/suppliers">
      <SupplierPage />
    </Guard>
  )
}
