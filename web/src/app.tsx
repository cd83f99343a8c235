// Routes are the files of src/routes (SolidStart file routes, one lazy chunk each); the pages they
// render live in src/pages. The layout and error boundary wrap every route.
//
// No <Suspense> above the routes, on purpose: the router navigates inside a transition, and a
// transition keeps the previous page on screen until every resource read under an already shown
// Suspense boundary has resolved. One slow or retried request of the next page then left the old
// page under the new URL for as long as it took (30 s in a loaded e2e run). Without a boundary,
// no read holds a navigation: the new page renders at once and shows its own loading state or
// cached copy (each page has one), and a reload no longer blanks the page to "Loading…".
// A route's code chunk (precached by the worker) renders when it arrives. Don't add one back:
// web/e2e/navigation.spec.ts fails with it.
import { Router } from '@solidjs/router'
import { FileRoutes } from '@solidjs/start/router'
import { ErrorBoundary, type JSX } from 'solid-js'
import { Layout } from './components/Layout'
import { t } from './lib/i18n'
import './styles.css'

function Root(props: { children?: JSX.Element }): JSX.Element {
  return (
    <Layout>
      <ErrorBoundary
        fallback={(err: unknown, reset) => (
          <div role="alert" class="notice notice-error">
            <p>{err instanceof Error ? err.message : t('common.error')}</p>
            <button type="button" onClick={reset}>
              {t('common.close')}
            </button>
          </div>
        )}
      >
        {props.children}
      </ErrorBoundary>
    </Layout>
  )
}

export default function App(): JSX.Element {
  return (
    <Router root={Root}>
      <FileRoutes />
    </Router>
  )
}
