// /profile: the ProfilePage page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import ProfilePage from '../pages/ProfilePage'

export default function Route() {
  return (
    <Guard path="/profile">
      <ProfilePage />
    </Guard>
  )
}
