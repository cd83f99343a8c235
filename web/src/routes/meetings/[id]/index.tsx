// /meetings/:id: the detail page, opened by whoever may open the list (the guard checks the list's path).
import { Guard } from '../../../components/Guard'
import MeetingPage from '../../../pages/MeetingPage'

export default function Route() {
  return (
    <Guard path="/meetings">
      <MeetingPage />
    </Guard>
  )
}
