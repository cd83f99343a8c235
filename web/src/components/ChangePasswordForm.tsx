import { createSignal, type JSX, Show } from 'solid-js'
import { changePassword } from '../lib/api'
import { ApiError } from '../lib/api-error'
import { locale, t } from '../lib/i18n'
import { NewPasswordFields } from './NewPasswordFields'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

/** Profile: the current password and a new one; other sessions end, this one continues. */
export function ChangePasswordForm(): JSX.Element {
  const [current, setCurrent] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [confirm, setConfirm] = createSignal('')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setMessage(null)
    if (!current()) return setErrors({ current_password: t('common.required') })
    if (password() !== confirm()) return setErrors({ new_password: t('pw.mismatch') })
    setErrors({})
    setBusy(true)
    try {
      await changePassword(current(), password(), locale())
      setCurrent('')
      setPassword('')
      setConfirm('')
      setMessage({ kind: 'success', text: t('pw.changed') })
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const f = err.fieldErrors
        setErrors({ current_password: f.current_password ?? '', new_password: f.password ?? '' })
        if (!f.current_password && !f.password) setMessage({ kind: 'error', text: err.message })
      } else setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} novalidate data-testid="change-password">
      <h2>{t('pw.changeTitle')}</h2>
      <Notice kind={message()?.kind ?? 'success'} message={message()?.text} />
      <div class="field">
        <label for="change-current">{t('pw.current')}</label>
        <input
          id="change-current"
          type="password"
          autocomplete="current-password"
          required
          value={current()}
          aria-invalid={errors().current_password ? true : undefined}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
        <Show when={errors().current_password}>
          <p class="field-error">{errors().current_password}</p>
        </Show>
      </div>
      <NewPasswordFields
        idPrefix="change"
        password={password()}
        confirm={confirm()}
        error={errors().new_password || undefined}
        onPassword={setPassword}
        onConfirm={setConfirm}
      />
      <button
        type="submit"
        disabled={busy() || !online()}
        aria-describedby={offlineDescribedBy('change-password-offline')}
      >
        {busy() ? t('common.loading') : t('pw.submit')}
      </button>
      <NeedsConnection id="change-password-offline" />
    </form>
  )
}
