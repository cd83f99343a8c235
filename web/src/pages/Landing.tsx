import { A, Navigate } from '@solidjs/router'
import { type JSX, Show } from 'solid-js'
import { t } from '../lib/i18n'
import { DASHBOARD } from '../lib/roles'
import { user } from '../lib/session'

export default function Landing(): JSX.Element {
  return (
    <Show when={!user()} fallback={<Navigate href={DASHBOARD[user()?.role ?? 'owner']} />}>
      <section class="hero">
        <h1>{t('app.name')}</h1>
        <p class="lead">{t('app.tagline')}</p>
        <p>{t('landing.features')}</p>
        <A class="button" href="/login">
          {t('landing.cta')}
        </A>
      </section>
    </Show>
  )
}
