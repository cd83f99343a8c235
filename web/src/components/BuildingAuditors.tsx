// The building's account auditors (issue #16, art. 3.91), for the syndic: who was granted
// read-only access and since when, a grant to one of the organization's auditor users, and a
// withdrawal (asked first; effective on the auditor's next request). Online only: a grant opens
// or closes someone's access, so nothing is queued offline (ADR 0034).
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, t } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { user } from '../lib/session'
import { ConfirmButton } from './ConfirmButton'
import { InviteAuditor, type InvitedAuditor } from './InviteAuditor'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

type Flash = { kind: 'success' | 'error'; text: string } | null
const OFFLINE_ID = 'auditors-offline'

export function BuildingAuditors(props: { buildingId: string }): JSX.Element {
  return (
    <Show when={['syndic', 'superadmin'].includes(user()?.role ?? '')}>
      <AuditorsSection buildingId={props.buildingId} />
    </Show>
  )
}

function AuditorsSection(props: { buildingId: string }): JSX.Element {
  const [notice, setNotice] = createSignal<Flash>(null)
  const [busy, setBusy] = createSignal(false)
  const [chosen, setChosen] = createSignal('')
  // Invited here, an auditor is offered at once, whatever the cached list still says.
  const [invited, setInvited] = createSignal<InvitedAuditor[]>([])
  const [granted, { refetch }] = createResource(
    () => props.buildingId,
    (id) => api.closing.auditors(id).then((r) => r.data),
  )
  // The organization's users with the auditor role (at most 100: an organization has a handful).
  // A cached read (stale first, then the network): re-read when the revalidation bumps the revision.
  const [candidates] = createResource(
    () => ({ id: props.buildingId, rev: dataRevision() }),
    () =>
      api.users
        .list({ per_page: 100, sort_by: 'last_name', order: 'asc', filters: { role: 'auditor' } })
        .then((r) => r.data.data),
  )
  const label = (u: { first_name?: string; last_name?: string; email?: string; name?: string }) =>
    u.name ?? ([u.first_name, u.last_name].filter(Boolean).join(' ') || u.email || '')
  const grantedIds = () => new Set((granted() ?? []).map((g) => g.user_id))
  const all = () => [
    ...invited().filter((i) => !(candidates() ?? []).some((u) => u.id === i.id)),
    ...(candidates() ?? []),
  ]
  const choices = () => all().filter((u) => u.is_active && !grantedIds().has(u.id))
  const run = async (action: () => Promise<string>) => {
    setBusy(true)
    setNotice(null)
    try {
      setNotice({ kind: 'success', text: await action() })
      refetch()
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  const disabled = () => busy() || !online()

  return (
    <section class="card" aria-labelledby="building-auditors-title" data-testid="building-auditors">
      <h2 id="building-auditors-title">{t('auditors.title')}</h2>
      <p class="muted">{t('auditors.intro')}</p>
      <ul class="plain list">
        <For each={granted() ?? []} fallback={<li class="muted">{t('auditors.none')}</li>}>
          {(g) => (
            <li class="line" data-testid="auditor-grant">
              <span>
                {label(g)}{' '}
                <span class="muted">
                  {[g.name ? g.email : undefined, t('auditors.since', { date: date(g.created_at) })]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <ConfirmButton
                label={t('auditors.withdraw')}
                question={t('auditors.withdrawQuestion')}
                disabled={disabled()}
                describedBy={offlineDescribedBy(OFFLINE_ID)}
                onConfirm={() =>
                  run(async () => {
                    await api.closing.withdrawAuditor(props.buildingId, g.user_id)
                    return t('auditors.withdrawn')
                  })
                }
              />
            </li>
          )}
        </For>
      </ul>
      <Show
        when={all().length > 0}
        fallback={
          <Show when={candidates() !== undefined}>
            <p class="muted" data-testid="auditors-no-account">
              {t('auditors.noAccount')}
            </p>
          </Show>
        }
      >
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault()
            const picked = choices().find((u) => u.id === chosen())
            if (!picked) return
            void run(async () => {
              await api.closing.grantAuditor(props.buildingId, picked.id)
              setChosen('')
              return t('auditors.granted', { name: label(picked) })
            })
          }}
        >
          <label>
            {t('auditors.user')}
            <select value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)}>
              <option value="">{t('auditors.choose')}</option>
              <For each={choices()}>{(u) => <option value={u.id}>{`${label(u)} — ${u.email}`}</option>}</For>
            </select>
          </label>
          <button
            type="submit"
            disabled={disabled() || !chosen()}
            aria-describedby={offlineDescribedBy(OFFLINE_ID)}
          >
            {t('auditors.grant')}
          </button>
        </form>
      </Show>
      <InviteAuditor
        disabled={disabled()}
        describedBy={offlineDescribedBy(OFFLINE_ID)}
        onInvited={(u) => {
          setInvited((list) => [u, ...list])
          setChosen(u.id)
          setNotice({ kind: 'success', text: t('auditors.invited', { name: label(u), email: u.email }) })
        }}
      />
      <NeedsConnection id={OFFLINE_ID} message={t('auditors.offline')} />
      <Show when={notice()}>{(n) => <Notice kind={n().kind} message={n().text} />}</Show>
    </section>
  )
}
