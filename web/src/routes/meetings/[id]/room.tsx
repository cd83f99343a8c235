// /meetings/:id/room: the syndic runs the assembly (issue #14 item 9); opens offline too.
import { Guard } from '../../../components/Guard'
import RoomPage from '../../../pages/RoomPage'

export default function Route() {
  return (
    <Guard path="/meetings">
      <RoomPage />
    </Guard>
  )
}
