// Page frame: skip link, header with the role's navigation, sync status and language, then main.
import { A, useNavigate } from '@solidjs/router'
import { For, type JSX, Show } from 'solid-js'
import { LOCALES, type Locale, locale, localeName, setLocale, t } from '../lib/i18n'
import { NAV_LABEL, navFor } from '../lib/roles'
import { signOut, user } from '../lib/session'
import { SyncIndicator } from './SyncIndicator'

export function LanguageSelect(props: { id: string }): JSX.Element {
  return (
    <span class="lang">
      <label for={props.id}>{t('login.language')}</label>
      <select id={props.id} value={locale()} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
        <For each={LOCALES}>
          {(l) => (
            <option value={l} selected={l === locale()}>
              {localeName(l)}
            </option>
          )}
        </For>
      </select>
    </span>
  )
}

export function Layout(props: { children?: JSX.Element }): JSX.Element {
  const navigate = useNavigate()
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <A href="/" class="brand">
          KoproGo
        </A>
        <Show when={user()}>
          {(u) => (
            <nav aria-label={t('nav.main')}>
              <ul>
                <For each={navFor(u().role)}>
                  {(path) => (
                    <li>
                      <A href={path} activeClass="active">
                        {t(NAV_LABEL[path])}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
          )}
        </Show>
        <div class="top-right">
          <LanguageSelect id="lang-header" />
          <Show when={user()}>
            {(u) => (
              <>
                <span class="who" data-testid="current-user">
                  {u().first_name} {u().last_name} · {t(`role.${u().role}`)}
                </span>
                <button
                  type="button"
                  class="small"
                  onClick={async () => {
                    await signOut()
                    navigate('/login', { replace: true })
                  }}
                >
                  {t('nav.logout')}
                </button>
              </>
            )}
          </Show>
        </div>
      </header>
      <Show when={user()}>
        <SyncIndicator />
      </Show>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
    </>
  )
}
