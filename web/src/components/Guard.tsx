// Route guard: unauthenticated → /login; a page the role may not use → its own dashboard.
import { Navigate } from '@solidjs/router'
import { type JSX, Match, Switch } from 'solid-js'
import { type AppPath, canOpen, DASHBOARD } from '../lib/roles'
import { user } from '../lib/session'

export function Guard(props: { path: AppPath; children: JSX.Element }): JSX.Element {
  return (
    <Switch fallback={props.children}>
      <Match when={!user()}>
        <Navigate href="/login" />
      </Match>
      <Match
        when={(() => {
          const u = user()
          return u && !canOpen(u.role, props.path) ? u : undefined
        })()}
      >
        {(u) => <Navigate href={DASHBOARD[u().role]} />}
      </Match>
    </Switch>
  )
}
