// Superadmin: platform stats, organizations, users (activate/deactivate), seed manager.
import { createResource, createSignal, type JSX, Show } from 'solid-js'
import { ActionButton } from '../components/ActionButton'
import { ConfirmButton } from '../components/ConfirmButton'
import { Notice } from '../components/Notice'
import { NeedsConnection, offlineDescribedBy, online } from '../components/OnlineOnly'
import { type ResourceConfig, ResourcePage, type Row } from '../components/ResourcePage'
import { StatCards } from '../components/StatCards'
import * as api from '../lib/api'
import { LOCALES, localeName, t, tEnum } from '../lib/i18n'
import { enumOptions } from '../lib/lookups'
import { ROLES, SUBSCRIPTION_PLANS } from '../lib/wire-types'

const orgConfig: ResourceConfig = {
  rows: api.organizations,
  title: 'admin.organizations',
  testId: 'organizations',
  defaultSort: { sort_by: 'name', order: 'asc' },
  columns: [
    { key: 'name', label: 'field.name', sortable: true },
    { key: 'slug', label: 'field.slug' },
    { key: 'contact_email', label: 'field.contact_email' },
    {
      key: 'subscription_plan',
      label: 'field.subscription_plan',
      sortable: true,
      render: (r: Row) => tEnum('subscription_plan', r.subscription_plan),
    },
    {
      key: 'is_active',
      label: 'field.is_active',
      render: (r: Row) => (r.is_active ? t('common.yes') : t('common.no')),
    },
  ],
  fields: [
    { name: 'name', label: 'field.name', type: 'text', required: true },
    { name: 'slug', label: 'field.slug', type: 'text', required: true },
    { name: 'contact_email', label: 'field.contact_email', type: 'email', required: true },
    { name: 'contact_phone', label: 'field.phone', type: 'text' },
    {
      name: 'subscription_plan',
      label: 'field.subscription_plan',
      type: 'select',
      required: true,
      options: enumOptions('subscription_plan', SUBSCRIPTION_PLANS),
    },
    { name: 'max_buildings', label: 'stats.total_buildings', type: 'number', greaterThan: 0 },
    { name: 'max_users', label: 'stats.total_users', type: 'number', greaterThan: 0 },
  ],
}

function usersConfig(orgOptions: () => { value: string; label: string }[]): ResourceConfig {
  return {
    rows: api.users,
    title: 'admin.users',
    testId: 'users',
    defaultSort: { sort_by: 'email', order: 'asc' },
    editable: ['first_name', 'last_name', 'email'],
    columns: [
      { key: 'email', label: 'field.email', sortable: true },
      { key: 'last_name', label: 'field.last_name', sortable: true },
      { key: 'first_name', label: 'field.first_name' },
      { key: 'role', label: 'field.role', sortable: true, render: (r: Row) => tEnum('role', r.role) },
      {
        key: 'is_active',
        label: 'field.is_active',
        render: (r: Row) => (r.is_active ? t('common.yes') : t('common.no')),
      },
    ],
    fields: [
      { name: 'email', label: 'field.email', type: 'email', required: true },
      // Left empty, the user is invited by e-mail and chooses their password (ADR 0023).
      { name: 'password', label: 'pw.inviteHint', type: 'password' },
      {
        name: 'locale',
        label: 'pw.inviteLocale',
        type: 'select',
        options: () => LOCALES.map((l) => ({ value: l, label: localeName(l) })),
      },
      { name: 'first_name', label: 'field.first_name', type: 'text', required: true },
      { name: 'last_name', label: 'field.last_name', type: 'text', required: true },
      {
        name: 'role',
        label: 'field.role',
        type: 'select',
        required: true,
        options: enumOptions('role', ROLES),
      },
      { name: 'organization_id', label: 'field.organization_id', type: 'select', options: orgOptions },
    ],
    filters: [
      {
        name: 'role',
        label: 'field.role',
        type: 'select',
        options: enumOptions('role', ROLES),
      },
    ],
    rowActions: (row, reload) => (
      <ActionButton
        label={row.is_active ? t('admin.deactivate') : t('admin.activate')}
        run={() => (row.is_active ? api.users.deactivate(row.id) : api.users.activate(row.id))}
        onDone={reload}
        offlineNote="users-offline"
      />
    ),
  }
}

function SeedManager(props: { onDone: () => void }): JSX.Element {
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = createSignal(false)
  const run = async (fn: () => Promise<{ message: string }>) => {
    setBusy(true)
    try {
      setNotice({ kind: 'success', text: (await fn()).message })
      props.onDone()
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : t('common.error') })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card" aria-labelledby="seed-title" data-testid="seed">
      <h2 id="seed-title">{t('admin.seed')}</h2>
      <div class="actions">
        <button
          type="button"
          disabled={busy() || !online()}
          aria-describedby={offlineDescribedBy('seed-offline')}
          onClick={() => run(api.seed.demo)}
        >
          {t('admin.seedDemo')}
        </button>
        <button
          type="button"
          disabled={busy() || !online()}
          aria-describedby={offlineDescribedBy('seed-offline')}
          onClick={() => run(api.seed.realistic)}
        >
          {t('admin.seedRealistic')}
        </button>
        <ConfirmButton
          label={t('admin.seedClear')}
          question={t('admin.seedConfirmClear')}
          onConfirm={() => run(api.seed.clear)}
          disabled={busy() || !online()}
          describedBy={offlineDescribedBy('seed-offline')}
        />
      </div>
      <NeedsConnection id="seed-offline" />
      {/* Seeding takes seconds (argon2 per demo user): say so while it runs. */}
      <Show when={busy()}>
        <p role="status" data-testid="seed-progress">
          <progress aria-label={t('progress.seeding')} /> {t('progress.seeding')}
        </p>
      </Show>
      <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
    </section>
  )
}

export default function AdminDashboard(): JSX.Element {
  const [orgs] = createResource(() =>
    api.organizations.list({ per_page: 100, sort_by: 'name', order: 'asc' }).catch(() => null),
  )
  const orgOptions = () => orgs()?.data.data.map((o) => ({ value: o.id, label: o.name })) ?? []
  // Seeding changes every counter: the cards re-read when it is done.
  const [seeded, setSeeded] = createSignal(0)
  return (
    <div class="dashboard" data-testid="dashboard-admin">
      <h1>{t('admin.title')}</h1>
      <StatCards
        keys={[
          'total_organizations',
          'total_users',
          'active_subscriptions',
          'total_buildings',
          'total_units',
          'total_owners',
          'total_expenses',
          'total_meetings',
        ]}
        refresh={seeded}
      />
      <SeedManager onDone={() => setSeeded((n) => n + 1)} />
      <ResourcePage config={orgConfig} canWrite heading="h2" />
      <Show when={orgs.state !== 'pending'}>
        <NeedsConnection id="users-offline" />
        <ResourcePage config={usersConfig(orgOptions)} canWrite heading="h2" />
      </Show>
    </div>
  )
}
