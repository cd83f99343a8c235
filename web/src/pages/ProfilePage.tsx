import { type JSX, Show } from 'solid-js'
import { ChangePasswordForm } from '../components/ChangePasswordForm'
import { LanguageSelect } from '../components/Layout'
import { t, tEnum } from '../lib/i18n'
import { user } from '../lib/session'

export default function ProfilePage(): JSX.Element {
  return (
    <section class="card" data-testid="profile">
      <h1>{t('profile.title')}</h1>
      <Show when={user()}>
        {(u) => (
          <dl class="profile">
            <dt>{t('field.first_name')}</dt>
            <dd>{u().first_name}</dd>
            <dt>{t('field.last_name')}</dt>
            <dd>{u().last_name}</dd>
            <dt>{t('field.email')}</dt>
            <dd>{u().email}</dd>
            <dt>{t('field.role')}</dt>
            <dd>{tEnum('role', u().role)}</dd>
          </dl>
        )}
      </Show>
      <LanguageSelect id="profile-language" />
      <ChangePasswordForm />
    </section>
  )
}
