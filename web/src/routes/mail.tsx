// /mail: the MailPage page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import MailPage from '../pages/MailPage'

export default function Route() {
  return (
    <Guard path="/mail">
      <MailPage />
    </Guard>
  )
}
