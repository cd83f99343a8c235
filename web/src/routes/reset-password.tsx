// /reset-password: the link of a password-reset mail (file route; the page lives in src/pages).
import SetPassword from '../pages/SetPassword'

export default function Route() {
  return <SetPassword mode="reset" />
}
