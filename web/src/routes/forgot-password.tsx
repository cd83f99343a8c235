// /forgot-password (file route; the page lives in src/pages).
import ForgotPassword from '../pages/ForgotPassword'

export default function Route() {
  return <ForgotPassword />
}
