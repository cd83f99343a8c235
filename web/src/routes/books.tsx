// /books: the BooksPage page behind the role guard (file route; the page lives in src/pages).
import { Guard } from '../components/Guard'
import BooksPage from '../pages/BooksPage'

export default function Route() {
  return (
    <Guard path="/books">
      <BooksPage />
    </Guard>
  )
}
