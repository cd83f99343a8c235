// /buildings/:id: the detail page, opened by whoever may open the list (the guard checks the list's path).
import { Guard } from '../../components/Guard'
import BuildingPage from '../../pages/BuildingPage'

export default function Route() {
  return (
    <Guard path="/buildings">
      <BuildingPage />
    </Guard>
  )
}
