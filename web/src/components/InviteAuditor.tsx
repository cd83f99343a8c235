// The syndic invites the assembly's account auditor from the building page (issue #16, art. 3.91):
// `POST /users` with the role `auditor` and no password, so the API mails him a single-use link to
// choose his own (ADR 0023) — the syndic never picks or sees a password. The new user is then
// offered in the grant select. Online only, like the grants (ADR 0034).
import { createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { ApiError } from '../lib/api-error'
import { errorText } from '../lib/error-text'
import { LOCALES, type Locale, locale, localeName, t } from '../lib/i18n'
import { type FieldDef, FormField, fieldErrorsFor, validate } from './FormField'

export type InvitedAuditor = Awaited<ReturnType<typeof api.users.create>>

const FIELDS: readonly FieldDef[] = [
  { name: 'first_name', label: 'field.first_name', type: 'text', required: true },
  { name: 'last_name', label: 'field.last_name', type: 'text', required: true },
  { name: 'email', label: 'field.email', type: 'email', required: true },
  {
    name: 'locale',
    label: 'pw.inviteLocale',
    type: 'select',
    required: true,
    options: () => LOCALES.map((l) => ({ value: l, label: localeName(l) })),
  },
]

export function InviteAuditor(props: {
  disabled: boolean
  describedBy: string | undefined
  onInvited: (user: InvitedAuditor) => void
}): JSX.Element {
  const blank = () => ({ first_name: '', last_name: '', email: '', locale: locale() as string })
  const [values, setValues] = createSignal<Record<string, string>>(blank())
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [failure, setFailure] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)

  const submit = async () => {
    setFailure(null)
    const local = validate(FIELDS, values())
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setBusy(true)
    try {
      const v = values()
      const user = await api.users.create({
        email: (v.email ?? '').trim(),
        first_name: (v.first_name ?? '').trim(),
        last_name: (v.last_name ?? '').trim(),
        role: 'auditor',
        locale: v.locale as Locale,
      })
      setValues(blank())
      setErrors({})
      props.onInvited(user)
    } catch (e) {
      // The API answers in the user's language (Accept-Language): its text goes next to the field.
      if (e instanceof ApiError && e.code === 'email_taken') setErrors({ email: e.message })
      else if (e instanceof ApiError && e.errors.length > 0) {
        const { byField, rest } = fieldErrorsFor(FIELDS, e.fieldErrors)
        setErrors(byField)
        if (rest.length > 0) setFailure(rest.join(' · '))
      } else setFailure(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      class="invite-auditor"
      data-testid="invite-auditor"
      aria-labelledby="invite-auditor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3 id="invite-auditor-title">{t('auditors.inviteTitle')}</h3>
      <p class="muted">{t('auditors.inviteHint')}</p>
      <fieldset disabled={props.disabled || busy()}>
        <For each={FIELDS}>
          {(f) => (
            <FormField
              field={f}
              idPrefix="invite-auditor"
              value={values()[f.name] ?? ''}
              error={errors()[f.name]}
              onInput={(v) => setValues((cur) => ({ ...cur, [f.name]: v }))}
            />
          )}
        </For>
      </fieldset>
      <Show when={failure()}>
        <p class="field-error" role="alert">
          {failure()}
        </p>
      </Show>
      <button type="submit" disabled={props.disabled || busy()} aria-describedby={props.describedBy}>
        {t('auditors.invite')}
      </button>
    </form>
  )
}
