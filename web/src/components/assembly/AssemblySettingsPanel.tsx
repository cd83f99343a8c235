// The building's assembly statutes (issue #14): notice (≥ 15 days, art. 3.87 §3), remote
// participation, minutes languages, and the majorities the statutes raise above the law's for some
// decision types (art. 3.88's are minimums: only stricter ones are offered). Mounted by the
// building or meeting page with one line.
import { DECISION_TYPE_KEYS, type Majority, requiredMajority } from '@koprogo/domain/assembly'
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../../lib/api'
import { decisionLabel, majorityLabel } from '../../lib/assembly/labels'
import { allowedMajorities } from '../../lib/assembly/majorities'
import { t } from '../../lib/i18n'

/** `editable`: the syndic (and superadmin) may change the statutes' settings; others read them. */
export function AssemblySettingsPanel(props: { buildingId: string; editable: boolean }): JSX.Element {
  const [settings, { refetch }] = createResource(() => props.buildingId, api.assemblyConvocation.settings)
  const [error, setError] = createSignal<string | null>(null)
  const save = async (form: HTMLFormElement) => {
    const f = new FormData(form)
    setError(null)
    // Only the types raised above the law's majority are sent (the select's first option is the law's).
    const statutory: Partial<Record<(typeof DECISION_TYPE_KEYS)[number], Majority>> = {}
    for (const type of DECISION_TYPE_KEYS) {
      const chosen = f.get(`statutory_${type}`)
      if (typeof chosen === 'string' && chosen !== requiredMajority(type))
        statutory[type] = chosen as Majority
    }
    try {
      await api.assemblyConvocation.saveSettings(props.buildingId, {
        notice_days: Number(f.get('notice_days')),
        remote_participation: f.get('remote') === 'on',
        statutory_majorities: statutory,
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
            <fieldset disabled={!props.editable} data-testid="statutory-majorities">
              <legend>{t('agc.settings.majorities')}</legend>
              <p class="muted">{t('agc.settings.majoritiesHint')}</p>
              <For each={DECISION_TYPE_KEYS.filter((d) => requiredMajority(d) !== 'unanimity')}>
                {(type) => (
                  <div class="field">
                    <label for={`agc-statutory-${type}`}>{decisionLabel(type)}</label>
                    <select
                      id={`agc-statutory-${type}`}
                      name={`statutory_${type}`}
                      value={s().statutory_majorities[type] ?? requiredMajority(type)}
                    >
                      <For each={allowedMajorities(type)}>
                        {(m) => (
                          <option value={m}>
                            {m === requiredMajority(type)
                              ? t('agc.settings.lawMajority', { majority: majorityLabel(m) })
                              : majorityLabel(m)}
                          </option>
                        )}
                      </For>
                    </select>
                  </div>
                )}
              </For>
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
