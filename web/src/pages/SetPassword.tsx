import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal, type JSX, Show } from 'solid-js'
import { NewPasswordFields } from '../components/NewPasswordFields'
import { Notice } from '../components/Notice'
import { ApiError } from '../lib/api-error'
import { type MessageKey, t } from '../lib/i18n'
import { DASHBOARD } from '../lib/roles'
import { signInWithLink } from '../lib/session'

const LINK_CODES = ['link_invalid', 'link_expired', 'link_used']

/**
 * Public: the page an invitation (/set-password) or reset (/reset-password) e-mail links to. The
 * token is in the query; a good password logs the user in and opens their dashboard.
 */
export default function SetPassword(props: { mode: 'invite' | 'reset' }): JSX.Element {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const token = () => (typeof params.token === 'string' ? params.token : '')
  const [password, setPassword] = createSignal('')
  const [confirm, setConfirm] = createSignal('')
  const [fieldError, setFieldError] = createSignal<string | undefined>()
  const [error, setError] = createSignal<string | null>(null)
  const [linkDead, setLinkDead] = createSignal(false)
  const [busy, setBusy] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setFieldError(undefined)
    if (password() !== confirm()) return setFieldError(t('pw.mismatch'))
    setBusy(true)
    setError(null)
    try {
      const user = await signInWithLink(token(), password())
      navigate(DASHBOARD[user.role], { replace: true })
    } catch (err) {
      if (err instanceof ApiError && err.code && LINK_CODES.includes(err.code)) {
        setLinkDead(true)
        setError(t(`pw.${err.code}` as MessageKey))
      } else if (err instanceof ApiError && err.status === 400) {
        setFieldError(err.fieldErrors.password ?? err.message)
      } else setError(err instanceof ApiError ? err.message : t('common.error'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card login" data-testid="set-password">
      <h1>{t(props.mode === 'invite' ? 'pw.setTitle' : 'pw.resetTitle')}</h1>
      <Notice kind="error" message={token() ? error() : t('pw.noToken')} />
      <Show
        when={token() && !linkDead()}
        fallback={
          <p>
            <A href="/forgot-password">{t('pw.askAgain')}</A> · <A href="/login">{t('pw.backToLogin')}</A>
          </p>
        }
      >
        <form onSubmit={submit} novalidate>
          <NewPasswordFields
            idPrefix="set"
            password={password()}
            confirm={confirm()}
            error={fieldError()}
            onPassword={setPassword}
            onConfirm={setConfirm}
          />
          <button type="submit" disabled={busy()}>
            {busy() ? t('common.loading') : t('pw.submit')}
          </button>
        </form>
      </Show>
    </section>
  )
}
