// Column/field definitions of each managed resource, shared by the standalone pages
// (/buildings...) and the dashboards (/syndic, /accountant).
import { type Accessor, Show } from 'solid-js'
import { buildingHref, GuardedLink, lotHref, meetingHref, ownerHref } from '../components/EntityLinks'
import type { FieldDef } from '../components/FormField'
import { RegisterImport } from '../components/RegisterImport'
import type { ResourceConfig, Row } from '../components/ResourcePage'
import * as api from '../lib/api'
import { date, dateTime, LOCALES, localeName, type MessageKey, money, num, t, tEnum } from '../lib/i18n'
import { enumOptions, type Option, useDistributionKeyOptions, useSupplierOptions } from '../lib/lookups'
import { canWrite } from '../lib/roles'
import { user } from '../lib/session'
import { MEETING_TYPES, PAYMENT_STATUSES, UNIT_TYPES } from '../lib/wire-types'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const numOr = (v: unknown) => (typeof v === 'number' ? v : undefined)

export function buildingName(options: Accessor<Option[]>, id: unknown): string {
  return (
    options()
      .find((o) => o.value === id)
      ?.label.split(' — ')[0] ?? str(id).slice(0, 8)
  )
}

/**
 * The superadmin's view of a list (issue #20, item 16): every organization's rows, so an
 * organization column and filter; `create` adds the organization select to the creation form
 * (resources whose organization is not given by their building), never to the edit form.
 */
/** The building's name as a link to its page (plain text for a role that cannot open it). */
export function buildingCell(options: Accessor<Option[]>, id: unknown) {
  return (
    <GuardedLink list="/buildings" id={id} href={buildingHref(str(id))}>
      {buildingName(options, id)}
    </GuardedLink>
  )
}

export function withOrganization(
  config: ResourceConfig,
  organizations: Accessor<Option[]>,
  options: { create?: boolean } = {},
): ResourceConfig {
  const field: FieldDef = {
    name: 'organization_id',
    label: 'field.organization_id',
    type: 'select',
    options: organizations,
  }
  return {
    ...config,
    columns: [
      {
        key: 'organization_id',
        label: 'field.organization_id',
        render: (r: Row) =>
          organizations().find((o) => o.value === r.organization_id)?.label ??
          str(r.organization_id).slice(0, 8),
      },
      ...config.columns,
    ],
    filters: [field, ...(config.filters ?? [])],
    ...(options.create
      ? {
          fields: [{ ...field, required: true }, ...config.fields],
          editable: config.editable ?? config.fields.map((f) => f.name),
        }
      : {}),
  }
}

export function buildingsConfig(): ResourceConfig {
  return {
    rows: api.buildings,
    title: 'nav.buildings',
    testId: 'buildings',
    defaultSort: { sort_by: 'name', order: 'asc' },
    columns: [
      {
        key: 'name',
        label: 'field.name',
        sortable: true,
        render: (r: Row) => (
          <GuardedLink list="/buildings" id={r.id} href={buildingHref(r.id)}>
            {str(r.name)}
          </GuardedLink>
        ),
      },
      { key: 'address', label: 'field.address' },
      { key: 'city', label: 'field.city', sortable: true },
      { key: 'total_units', label: 'field.total_units', sortable: true },
      { key: 'total_tantiemes', label: 'field.total_tantiemes' },
    ],
    fields: [
      { name: 'name', label: 'field.name', type: 'text', required: true },
      { name: 'address', label: 'field.address', type: 'text', required: true },
      { name: 'city', label: 'field.city', type: 'text', required: true },
      { name: 'postal_code', label: 'field.postal_code', type: 'text', required: true },
      { name: 'country', label: 'field.country', type: 'text', required: true },
      // The number of lots is counted from the lots (ADR 0018); the deed's number is informational.
      { name: 'declared_units', label: 'field.declared_units', type: 'number', greaterThan: 0 },
      { name: 'total_tantiemes', label: 'field.total_tantiemes', type: 'number', greaterThan: 0 },
      { name: 'construction_year', label: 'field.construction_year', type: 'number', greaterThan: 1000 },
      // Left empty, name, e-mail and phone come from the organization (the syndic firm).
      { name: 'syndic_name', label: 'field.syndic_name', type: 'text' },
      { name: 'syndic_enterprise_number', label: 'field.syndic_enterprise_number', type: 'text' },
      { name: 'syndic_address', label: 'field.syndic_address', type: 'text' },
      { name: 'syndic_email', label: 'field.syndic_email', type: 'email' },
      { name: 'syndic_phone', label: 'field.syndic_phone', type: 'text' },
    ],
    filters: [{ name: 'city', label: 'field.city', type: 'text' }],
    remove: (row) => api.buildings.remove(row.id, numOr(row.version), str(row.name)),
    // Onboarding from a spreadsheet: the syndic's (and superadmin's), like every property write.
    rowActions: (row, reload) => (
      <Show when={canWrite(user()?.role ?? 'owner', 'buildings') && !row.id.startsWith('tmp-')}>
        <RegisterImport buildingId={row.id} buildingName={str(row.name)} onImported={reload} />
      </Show>
    ),
  }
}

export function unitsConfig(
  buildings: Accessor<Option[]>,
  ownerName?: (id: string) => string,
): ResourceConfig {
  const fields: FieldDef[] = [
    { name: 'building_id', label: 'field.building_id', type: 'select', required: true, options: buildings },
    { name: 'unit_number', label: 'field.unit_number', type: 'text', required: true },
    {
      name: 'unit_type',
      label: 'field.unit_type',
      type: 'select',
      required: true,
      options: enumOptions('unit_type', UNIT_TYPES),
    },
    { name: 'floor', label: 'field.floor', type: 'number' },
    {
      name: 'surface_area',
      label: 'field.surface_area',
      type: 'number',
      required: true,
      greaterThan: 0,
      decimal: { places: 2 },
    },
    { name: 'quota', label: 'field.quota', type: 'number', required: true, greaterThan: 0 },
  ]
  return {
    rows: api.units,
    title: 'nav.units',
    testId: 'units',
    defaultSort: { sort_by: 'unit_number', order: 'asc' },
    columns: [
      {
        key: 'building_id',
        label: 'field.building_id',
        render: (r: Row) => buildingCell(buildings, r.building_id),
      },
      {
        key: 'unit_number',
        label: 'field.unit_number',
        sortable: true,
        render: (r: Row) => (
          <GuardedLink list="/buildings" id={r.id} href={lotHref(str(r.building_id), r.id)}>
            {str(r.unit_number)}
          </GuardedLink>
        ),
      },
      {
        key: 'unit_type',
        label: 'field.unit_type',
        sortable: true,
        render: (r: Row) => tEnum('unit_type', r.unit_type),
      },
      { key: 'floor', label: 'field.floor', sortable: true },
      { key: 'surface_area', label: 'field.surface_area', render: (r: Row) => num(numOr(r.surface_area), 2) },
      { key: 'quota', label: 'field.quota', sortable: true },
      // Today's owner (the API answers owner_id for today in Brussels): a seller until the deed date.
      ...(ownerName
        ? [
            {
              key: 'owner_id',
              label: 'own.owner' as const,
              render: (r: Row) =>
                typeof r.owner_id === 'string' ? (
                  <GuardedLink list="/owners" id={r.owner_id} href={ownerHref(r.owner_id)}>
                    {ownerName(r.owner_id)}
                  </GuardedLink>
                ) : (
                  '—'
                ),
            },
          ]
        : []),
    ],
    fields,
    // A lot never moves to another building (the API refuses building_id on an update).
    editable: fields.filter((f) => f.name !== 'building_id').map((f) => f.name),
    filters: [
      { name: 'building_id', label: 'field.building_id', type: 'select', options: buildings },
      {
        name: 'unit_type',
        label: 'field.unit_type',
        type: 'select',
        options: enumOptions('unit_type', UNIT_TYPES),
      },
    ],
    remove: (row) => api.units.remove(row.id, numOr(row.version), str(row.unit_number)),
  }
}

const isCompany = (v: Record<string, string>) => v.owner_type === 'company'
const isPerson = (v: Record<string, string>) => !isCompany(v)

export function ownersConfig(): ResourceConfig {
  const ownerTypes = () => [
    { value: 'person', label: tEnum('owner_type', 'person') },
    { value: 'company', label: tEnum('owner_type', 'company') },
  ]
  return {
    rows: api.owners,
    title: 'nav.owners',
    testId: 'owners',
    defaultSort: { sort_by: 'last_name', order: 'asc' },
    columns: [
      // A company has no last name: the column shows every owner's display name.
      {
        key: 'last_name',
        label: 'field.name',
        sortable: true,
        render: (r: Row) => (
          <GuardedLink list="/owners" id={r.id} href={ownerHref(r.id)}>
            {ownerName(r)}
          </GuardedLink>
        ),
      },
      {
        key: 'owner_type',
        label: 'field.owner_type',
        render: (r: Row) => tEnum('owner_type', r.owner_type === 'company' ? 'company' : 'person'),
      },
      { key: 'email', label: 'field.email', sortable: true },
      { key: 'phone', label: 'field.phone' },
      { key: 'city', label: 'field.city' },
      { key: 'preferred_language', label: 'field.preferred_language' },
    ],
    fields: [
      {
        name: 'owner_type',
        label: 'field.owner_type',
        type: 'select',
        required: true,
        options: ownerTypes,
        initial: 'person',
      },
      { name: 'first_name', label: 'field.first_name', type: 'text', required: true, visibleWhen: isPerson },
      { name: 'last_name', label: 'field.last_name', type: 'text', required: true, visibleWhen: isPerson },
      {
        name: 'company_name',
        label: 'field.company_name',
        type: 'text',
        required: true,
        visibleWhen: isCompany,
      },
      { name: 'enterprise_number', label: 'field.enterprise_number', type: 'text', visibleWhen: isCompany },
      {
        name: 'legal_representative',
        label: 'field.legal_representative',
        type: 'text',
        visibleWhen: isCompany,
      },
      // Optional: an owner without e-mail gets paper mail.
      { name: 'email', label: 'field.email', type: 'email' },
      { name: 'phone', label: 'field.phone', type: 'text' },
      { name: 'address', label: 'field.address', type: 'text', required: true },
      { name: 'city', label: 'field.city', type: 'text', required: true },
      { name: 'postal_code', label: 'field.postal_code', type: 'text', required: true },
      { name: 'country', label: 'field.country', type: 'text', required: true },
      { name: 'correspondence_address', label: 'field.correspondence_address', type: 'textarea' },
      {
        name: 'preferred_language',
        label: 'field.preferred_language',
        type: 'select',
        required: true,
        options: () => LOCALES.map((l) => ({ value: l, label: localeName(l) })),
        initial: 'fr',
      },
      { name: 'email_consent', label: 'field.email_consent', type: 'checkbox' },
      {
        name: 'email_consent_date',
        label: 'field.email_consent_date',
        type: 'date',
        visibleWhen: (v) => v.email_consent === 'true',
      },
    ],
    filters: [
      { name: 'last_name', label: 'field.last_name', type: 'text' },
      { name: 'email', label: 'field.email', type: 'text' },
      { name: 'owner_type', label: 'field.owner_type', type: 'select', options: ownerTypes },
    ],
  }
}

/** The API's display name; rows queued offline before it existed fall back to the names. */
function ownerName(r: Row): string {
  if (typeof r.name === 'string' && r.name) return r.name
  if (typeof r.company_name === 'string' && r.company_name) return r.company_name
  return [r.first_name, r.last_name].filter((p) => typeof p === 'string' && p).join(' ')
}

export const EXPENSE_CATEGORIES = [
  'Maintenance',
  'Repairs',
  'Insurance',
  'Utilities',
  'Cleaning',
  'Administration',
  'Works',
  'Other',
] as const

export function expensesConfig(buildings: Accessor<Option[]>): ResourceConfig {
  return {
    rows: api.expenses,
    canEdit: false,
    title: 'nav.expenses',
    testId: 'expenses',
    defaultSort: { sort_by: 'expense_date', order: 'desc' },
    columns: [
      {
        key: 'expense_date',
        label: 'field.expense_date',
        sortable: true,
        render: (r: Row) => date(str(r.expense_date)),
      },
      {
        key: 'building_id',
        label: 'field.building_id',
        render: (r: Row) => buildingCell(buildings, r.building_id),
      },
      {
        key: 'category',
        label: 'field.category',
        sortable: true,
        render: (r: Row) => tEnum('category', r.category),
      },
      { key: 'description', label: 'field.description' },
      {
        key: 'amount',
        label: 'field.amount',
        sortable: true,
        render: (r: Row) => money(numOr(r.amount_cents) ?? Math.round((numOr(r.amount) ?? 0) * 100)),
      },
      {
        key: 'payment_status',
        label: 'field.payment_status',
        sortable: true,
        render: (r: Row) => tEnum('payment_status', r.payment_status),
      },
      {
        // The lifecycle (ADR 0031): draft → approved (posted) → paid to the supplier; cancelled.
        key: 'status',
        label: 'expense.status',
        render: (r: Row) =>
          typeof r.status === 'string' ? t(`expense.status.${r.status}` as MessageKey) : '',
      },
    ],
    fields: [
      { name: 'building_id', label: 'field.building_id', type: 'select', required: true, options: buildings },
      {
        name: 'category',
        label: 'field.category',
        type: 'select',
        required: true,
        options: enumOptions('category', EXPENSE_CATEGORIES),
      },
      { name: 'description', label: 'field.description', type: 'text', required: true },
      // Typed in euros with a comma or a dot, sent as exact cents (never a float of euros).
      {
        name: 'amount',
        label: 'field.amount',
        type: 'number',
        required: true,
        greaterThan: 0,
        decimal: { places: 2, scaledAs: 'amount_cents' },
      },
      { name: 'expense_date', label: 'field.expense_date', type: 'date', required: true },
      // VAT is kept and checked to the cent by the server (0, 6, 12 or 21 %; excl. + VAT = amount).
      {
        name: 'amount_excl_vat',
        label: 'expense.amountExclVat',
        type: 'number',
        greaterThan: 0,
        decimal: { places: 2, scaledAs: 'amount_excl_vat_cents' },
      },
      { name: 'vat_rate', label: 'expense.vatRate', type: 'number', step: '1' },
      // A supplier record (ADR 0037): its name, number and IBAN fill the three fields below when blank.
      { name: 'supplier_id', label: 'field.supplier_id', type: 'select', options: useSupplierOptions() },
      { name: 'supplier', label: 'field.supplier', type: 'text' },
      { name: 'supplier_enterprise_number', label: 'expense.enterpriseNumber', type: 'text' },
      { name: 'supplier_iban', label: 'expense.iban', type: 'text' },
      { name: 'invoice_number', label: 'field.invoice_number', type: 'text' },
      { name: 'draft', label: 'expense.draft', type: 'checkbox' },
      // Empty: the general key (quote-parts); the server refuses a key of another building.
      {
        name: 'distribution_key_id',
        label: 'field.distribution_key_id',
        type: 'select',
        options: useDistributionKeyOptions(buildings),
      },
    ],
    filters: [
      { name: 'building_id', label: 'field.building_id', type: 'select', options: buildings },
      {
        name: 'category',
        label: 'field.category',
        type: 'select',
        options: enumOptions('category', EXPENSE_CATEGORIES),
      },
      {
        name: 'status',
        label: 'field.payment_status',
        type: 'select',
        options: enumOptions('payment_status', PAYMENT_STATUSES),
      },
    ],
  }
}

export function meetingsConfig(buildings: Accessor<Option[]>): ResourceConfig {
  return {
    rows: api.meetings,
    title: 'nav.meetings',
    testId: 'meetings',
    defaultSort: { sort_by: 'scheduled_date', order: 'desc' },
    columns: [
      {
        key: 'scheduled_date',
        label: 'field.scheduled_date',
        sortable: true,
        render: (r: Row) => dateTime(str(r.scheduled_date)),
      },
      {
        key: 'building_id',
        label: 'field.building_id',
        render: (r: Row) => buildingCell(buildings, r.building_id),
      },
      {
        key: 'title',
        label: 'field.title',
        sortable: true,
        render: (r: Row) => (
          <GuardedLink list="/meetings" id={r.id} href={meetingHref(r.id)}>
            {str(r.title)}
          </GuardedLink>
        ),
      },
      {
        key: 'meeting_type',
        label: 'field.meeting_type',
        render: (r: Row) => tEnum('meeting_type', r.meeting_type),
      },
      { key: 'location', label: 'field.location' },
      {
        key: 'status',
        label: 'field.status',
        sortable: true,
        render: (r: Row) => tEnum('meeting_status', r.status),
      },
    ],
    fields: [
      { name: 'building_id', label: 'field.building_id', type: 'select', required: true, options: buildings },
      {
        name: 'meeting_type',
        label: 'field.meeting_type',
        type: 'select',
        required: true,
        options: enumOptions('meeting_type', MEETING_TYPES),
      },
      { name: 'title', label: 'field.title', type: 'text', required: true },
      { name: 'description', label: 'field.description', type: 'textarea' },
      { name: 'scheduled_date', label: 'field.scheduled_date', type: 'datetime-local', required: true },
      { name: 'location', label: 'field.location', type: 'text', required: true },
    ],
    // A meeting stays in its building (the API refuses building_id on an update).
    editable: ['meeting_type', 'title', 'description', 'scheduled_date', 'location'],
    filters: [{ name: 'building_id', label: 'field.building_id', type: 'select', options: buildings }],
    remove: (row) => api.meetings.remove(row.id, numOr(row.version), str(row.title)),
  }
}
