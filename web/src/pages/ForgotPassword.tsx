import { A } from '@solidjs/router'
import { createSignal, type JSX, Show } from 'solid-js'
import { Notice } from '../components/Notice'
import { forgotPassword } from '../lib/api'
import { ApiError } from '../lib/api-error'
import { locale, t } from '../lib/i18n'

/** Public: asks for a reset link. The answer is the same whether or not the account exists. */
export default function ForgotPassword(): JSX.Element {
  const [email, setEmail] = createSignal('')
  const [sent, setSent] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email().trim())) return setError(t('common.invalidEmail'))
    setBusy(true)
    setError(null)
    try {
      await forgotPassword(email().trim(), locale())
      setSent(true)
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('common.error'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card login" data-testid="forgot-password">
      <h1>{t('pw.forgotTitle')}</h1>
      <Show
        when={!sent()}
        fallback={
          <>
            <Notice kind="success" message={t('pw.forgotSent')} />
            <A href="/login">{t('pw.backToLogin')}</A>
          </>
        }
      >
        <p>{t('pw.forgotIntro')}</p>
        <Notice kind="error" message={error()} />
        <form onSubmit={submit} novalidate>
          <div class="field">
            <label for="forgot-email">{t('login.email')}</label>
            <input
              id="forgot-email"
              name="email"
              type="email"
              autocomplete="username"
              required
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <button type="submit" disabled={busy()}>
            {busy() ? t('common.loading') : t('pw.forgotSubmit')}
          </button>
        </form>
        <p>
          <A href="/login">{t('pw.backToLogin')}</A>
        </p>
      </Show>
    </section>
  )
}
