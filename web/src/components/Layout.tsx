// Page frame: skip link, header with the role's navigation, sync status and language, then main.
import { A, useLocation, useNavigate } from '@solidjs/router'
import { createEffect, createSignal, For, type JSX, on, onCleanup, Show } from 'solid-js'
import { LOCALES, type Locale, locale, localeName, setLocale, t, tEnum } from '../lib/i18n'
import { pageTitle } from '../lib/page-title'
import { isReadOnly, NAV_LABEL, navFor } from '../lib/roles'
import { user } from '../lib/session'
import { SearchBox } from './SearchBox'
import { SignOutButton } from './SignOutButton'
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
  const location = useLocation()
  // These pages have their own language field: a second control with the same label would
  // confuse screen-reader users (and duplicate the form's own setting).
  const ownLanguageField = () => location.pathname === '/login' || location.pathname === '/profile'
  // After a client-side navigation, move focus to the new content (as a page load would reset
  // it), so keyboard and screen-reader users are not left on a link or button that is gone.
  let mainEl: HTMLElement | undefined
  // On a phone the navigation folds into a menu (the header stays one line high): a button with
  // aria-expanded; opening moves focus to the first link, Esc closes and gives focus back.
  const [menuOpen, setMenuOpen] = createSignal(false)
  let toggleEl: HTMLButtonElement | undefined
  let menuEl: HTMLDivElement | undefined
  const closeMenu = (returnFocus: boolean) => {
    setMenuOpen(false)
    if (returnFocus) toggleEl?.focus()
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen()) {
      e.preventDefault()
      closeMenu(true)
    }
  }
  document.addEventListener('keydown', onKey)
  onCleanup(() => document.removeEventListener('keydown', onKey))
  // One title per route, re-read when the language changes (t() is reactive).
  createEffect(() => {
    document.title = pageTitle(location.pathname)
  })
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false)
        mainEl?.focus({ preventScroll: true })
      },
      { defer: true },
    ),
  )
  return (
    <>
      {/* rel="external": the router would otherwise take the in-page link and not move focus. */}
      <a class="skip" href="#main" rel="external">
        {t('app.skip')}
      </a>
      <header class="top">
        <A href="/" class="brand">
          KoproGo
        </A>
        {/* Outside the phone's folded menu: the auditor always sees that nothing can be changed. */}
        <Show when={isReadOnly(user()?.role ?? 'owner')}>
          <span class="badge warn" data-testid="read-only-badge" title={t('auditor.badgeHint')}>
            {t('auditor.badge')}
          </span>
        </Show>
        <Show when={user()}>
          <button
            type="button"
            class="menu-toggle"
            aria-expanded={menuOpen()}
            aria-controls="site-menu"
            ref={toggleEl}
            onClick={() => {
              const open = !menuOpen()
              setMenuOpen(open)
              if (open) queueMicrotask(() => menuEl?.querySelector<HTMLElement>('a, button, select')?.focus())
            }}
          >
            <span aria-hidden="true" class="menu-icon">
              ☰
            </span>{' '}
            {t('nav.menu')}
          </button>
        </Show>
        {/* Without a user there is no menu button: the (language) controls stay visible. */}
        <div id="site-menu" class="site-menu" classList={{ open: menuOpen() || !user() }} ref={menuEl}>
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
            <Show when={user()?.role === 'syndic' || user()?.role === 'accountant'}>
              <SearchBox />
            </Show>
            <Show when={!ownLanguageField()}>
              <LanguageSelect id="lang-header" />
            </Show>
            <Show when={user()}>
              {(u) => (
                <>
                  <span class="who" data-testid="current-user">
                    {u().first_name} {u().last_name} · {tEnum('role', u().role)}
                  </span>
                  <SignOutButton onSignedOut={() => navigate('/login', { replace: true })} />
                </>
              )}
            </Show>
          </div>
        </div>
      </header>
      <Show when={user()}>
        <SyncIndicator />
      </Show>
      <main id="main" tabindex="-1" ref={mainEl}>
        {props.children}
      </main>
    </>
  )
}
