// /buildings: its ResourcePages list behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../../components/Guard'
import { BuildingsPage } from '../../pages/ResourcePages'

export default function Route() {
  return (
    <Guard path="/buildings">
      <BuildingsPage />
    </Guard>
  )
}
