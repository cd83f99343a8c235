// Routes (declared here, one lazy chunk per page; see ADR-NOTE.md for why not file routes).
import { Navigate, Route, Router } from '@solidjs/router'
import { type Component, ErrorBoundary, type JSX, lazy, Suspense } from 'solid-js'
import { Guard } from './components/Guard'
import { Layout } from './components/Layout'
import { t } from './lib/i18n'
import type { AppPath } from './lib/roles'
import Landing from './routes/Landing'
import Login from './routes/Login'

const ForgotPassword = lazy(() => import('./routes/ForgotPassword'))
const SetPassword = lazy(() => import('./routes/SetPassword'))

const pages = {
  '/admin': lazy(() => import('./routes/AdminDashboard')),
  '/syndic': lazy(() => import('./routes/SyndicDashboard')),
  '/accountant': lazy(() => import('./routes/AccountantDashboard')),
  '/owner': lazy(() => import('./routes/OwnerDashboard')),
  '/buildings': lazy(() => import('./routes/ResourcePages').then((m) => ({ default: m.BuildingsPage }))),
  '/units': lazy(() => import('./routes/ResourcePages').then((m) => ({ default: m.UnitsPage }))),
  '/owners': lazy(() => import('./routes/ResourcePages').then((m) => ({ default: m.OwnersPage }))),
  '/expenses': lazy(() => import('./routes/ResourcePages').then((m) => ({ default: m.ExpensesPage }))),
  '/meetings': lazy(() => import('./routes/ResourcePages').then((m) => ({ default: m.MeetingsPage }))),
  '/documents': lazy(() => import('./routes/DocumentsPage')),
  '/profile': lazy(() => import('./routes/ProfilePage')),
  '/mail': lazy(() => import('./routes/MailPage')),
  '/jobs': lazy(() => import('./routes/JobsPage')),
} satisfies Record<AppPath, Component>

// Detail pages (issue #19): opened by whoever may open their list (the guard checks the list's path).
const details: { path: string; list: AppPath; page: Component }[] = [
  { path: '/buildings/:id', list: '/buildings', page: lazy(() => import('./pages/BuildingPage')) },
  { path: '/owners/:id', list: '/owners', page: lazy(() => import('./pages/OwnerPage')) },
  { path: '/meetings/:id', list: '/meetings', page: lazy(() => import('./pages/MeetingPage')) },
]

const guarded = (path: AppPath) => () => {
  const Page = pages[path]
  return (
    <Guard path={path}>
      <Page />
    </Guard>
  )
}

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
      <Route path="/" component={Landing} />
      <Route path="/login" component={Login} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={() => <SetPassword mode="reset" />} />
      <Route path="/set-password" component={() => <SetPassword mode="invite" />} />
      {(Object.keys(pages) as AppPath[]).map((path) => (
        <Route path={path} component={guarded(path)} />
      ))}
      {details.map((d) => (
        <Route
          path={d.path}
          component={() => (
            <Guard path={d.list}>
              <d.page />
            </Guard>
          )}
        />
      ))}
      <Route path="*" component={() => <Navigate href="/" />} />
    </Router>
  )
}
