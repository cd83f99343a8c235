// /jobs: the JobsPage page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import JobsPage from '../pages/JobsPage'

export default function Route() {
  return (
    <Guard path="/jobs">
      <JobsPage />
    </Guard>
  )
}
