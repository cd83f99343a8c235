// The building's assembly statutes (issue #14): notice (≥ 15 days, art. 3.87 §3), remote
// participation, minutes languages. Mounted by the building or meeting page with one line.
import { createResource, createSignal, type JSX, Show } from 'solid-js'
import * as api from '../../lib/api'
import { t } from '../../lib/i18n'

/** `editable`: the syndic (and superadmin) may change the statutes' settings; others read them. */
export function AssemblySettingsPanel(props: { buildingId: string; editable: boolean }): JSX.Element {
  const [settings, { refetch }] = createResource(() => props.buildingId, api.assemblyConvocation.settings)
  const [error, setError] = createSignal<string | null>(null)
  const save = async (form: HTMLFormElement) => {
    const f = new FormData(form)
    setError(null)
    try {
      await api.assemblyConvocation.saveSettings(props.buildingId, {
        notice_days: Number(f.get('notice_days')),
        remote_participation: f.get('remote') === 'on',
      })
      await refetch()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <section class="card" aria-labelledby="agc-settings" data-testid="assembly-settings">
      <h2 id="agc-settings">{t('agc.settings.title')}</h2>
      <Show when={settings()}>
        {(s) => (
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void save(e.currentTarget)
            }}
          >
            <Show when={s().legal_defaults}>
              <p>{t('agc.settings.legal')}</p>
            </Show>
            <fieldset disabled={!props.editable}>
              <div class="field">
                <label for="agc-notice-days">{t('agc.settings.notice')}</label>
                <input
                  id="agc-notice-days"
                  name="notice_days"
                  type="number"
                  inputmode="numeric"
                  min="15"
                  value={s().notice_days}
                />
              </div>
              <label>
                <input name="remote" type="checkbox" checked={s().remote_participation} />{' '}
                {t('agc.settings.remote')}
              </label>
            </fieldset>
            <p>
              {t('agc.settings.languages')}: {s().minutes_languages.join(', ').toUpperCase()}
            </p>
            <Show when={props.editable}>
              <button type="submit">{t('agc.save')}</button>
            </Show>
            <Show when={error()}>
              <p role="alert">{error()}</p>
            </Show>
          </form>
        )}
      </Show>
    </section>
  )
}
