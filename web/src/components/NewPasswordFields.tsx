import { type JSX, Show } from 'solid-js'
import { t } from '../lib/i18n'

/** New password + confirmation, with the policy in words and the field error under the first. */
export function NewPasswordFields(props: {
  idPrefix: string
  password: string
  confirm: string
  error?: string | undefined
  onPassword: (v: string) => void
  onConfirm: (v: string) => void
}): JSX.Element {
  return (
    <>
      <div class="field">
        <label for={`${props.idPrefix}-password`}>{t('pw.newPassword')}</label>
        <input
          id={`${props.idPrefix}-password`}
          name="new-password"
          type="password"
          autocomplete="new-password"
          required
          value={props.password}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={`${props.idPrefix}-rules`}
          onInput={(e) => props.onPassword(e.currentTarget.value)}
        />
        <p class="hint" id={`${props.idPrefix}-rules`}>
          {t('pw.rules')}
        </p>
        <Show when={props.error}>
          <p class="field-error">{props.error}</p>
        </Show>
      </div>
      <div class="field">
        <label for={`${props.idPrefix}-confirm`}>{t('pw.confirm')}</label>
        <input
          id={`${props.idPrefix}-confirm`}
          name="confirm-password"
          type="password"
          autocomplete="new-password"
          required
          value={props.confirm}
          onInput={(e) => props.onConfirm(e.currentTarget.value)}
        />
      </div>
    </>
  )
}
