// Routes are the files of src/routes (SolidStart file routes, one lazy chunk each); the pages they
// render live in src/pages. The layout, error boundary and loading state wrap every route.
import { Router } from '@solidjs/router'
import { FileRoutes } from '@solidjs/start/router'
import { ErrorBoundary, type JSX, Suspense } from 'solid-js'
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
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>{props.children}</Suspense>
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
