import { A, Navigate, useNavigate } from '@solidjs/router'
import { createSignal, type JSX, Show } from 'solid-js'
import { LanguageSelect } from '../components/Layout'
import { Notice } from '../components/Notice'
import { ApiError } from '../lib/api-error'
import { t } from '../lib/i18n'
import { DASHBOARD } from '../lib/roles'
import { signIn, user } from '../lib/session'

export default function Login(): JSX.Element {
  const navigate = useNavigate()
  const [email, setEmail] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({})
  const [busy, setBusy] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const errs: Record<string, string> = {}
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email().trim())) errs.email = t('common.invalidEmail')
    if (!password()) errs.password = t('common.required')
    setFieldErrors(errs)
    if (Object.keys(errs).length) return
    setBusy(true)
    setError(null)
    try {
      const u = await signIn(email().trim(), password())
      navigate(DASHBOARD[u.role], { replace: true })
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.failed'))
      else if (err instanceof ApiError) {
        setFieldErrors(err.fieldErrors)
        setError(err.message)
      } else setError(t('common.error'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show when={!user()} fallback={<Navigate href={DASHBOARD[user()?.role ?? 'owner']} />}>
      <section class="card login">
        <h1>{t('login.title')}</h1>
        <Notice kind="error" message={error()} />
        <form onSubmit={submit} novalidate>
          <div class="field">
            <label for="login-email">{t('login.email')}</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autocomplete="username"
              required
              value={email()}
              aria-invalid={fieldErrors().email ? true : undefined}
              aria-describedby={fieldErrors().email ? 'login-email-error' : undefined}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
            <Show when={fieldErrors().email}>
              <p class="field-error" id="login-email-error">
                {fieldErrors().email}
              </p>
            </Show>
          </div>
          <div class="field">
            <label for="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password()}
              aria-invalid={fieldErrors().password ? true : undefined}
              aria-describedby={fieldErrors().password ? 'login-password-error' : undefined}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <Show when={fieldErrors().password}>
              <p class="field-error" id="login-password-error">
                {fieldErrors().password}
              </p>
            </Show>
          </div>
          <div class="field">
            <LanguageSelect id="login-language" />
          </div>
          <button type="submit" disabled={busy()}>
            {busy() ? t('common.loading') : t('login.submit')}
          </button>
        </form>
        <p>
          <A href="/forgot-password">{t('pw.forgotLink')}</A>
        </p>
      </section>
    </Show>
  )
}
