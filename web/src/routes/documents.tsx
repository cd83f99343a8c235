// /documents: the DocumentsPage page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import DocumentsPage from '../pages/DocumentsPage'

export default function Route() {
  return (
    <Guard path="/documents">
      <DocumentsPage />
    </Guard>
  )
}
