// /set-password: the link of an invitation mail (file route; the page lives in src/pages).
import SetPassword from '../pages/SetPassword'

export default function Route() {
  return <SetPassword mode="invite" />
}
