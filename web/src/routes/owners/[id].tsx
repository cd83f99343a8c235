// /owners/:id: the detail page, opened by whoever may open the list (the guard checks the list's path).
import { Guard } from '../../components/Guard'
import OwnerPage from '../../pages/OwnerPage'

export default function Route() {
  return (
    <Guard path="/owners">
      <OwnerPage />
    </Guard>
  )
}
