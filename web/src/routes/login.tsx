// /login (file route; the page lives in src/pages).
import Login from '../pages/Login'

export default function Route() {
  return <Login />
}
