// /meetings/:id/projector: the current vote and its tally for the room's screen.
import { Guard } from '../../../components/Guard'
import ProjectorPage from '../../../pages/ProjectorPage'

export default function Route() {
  return (
    <Guard path="/meetings">
      <ProjectorPage />
    </Guard>
  )
}
