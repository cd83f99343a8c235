// Column/field definitions of each managed resource, shared by the standalone pages
// (/buildings...) and the dashboards (/syndic, /accountant).
import type { Accessor } from 'solid-js'
import type { FieldDef } from '../components/FormField'
import type { ResourceConfig, Row } from '../components/ResourcePage'
import * as api from '../lib/api'
import { date, dateTime, money, num } from '../lib/i18n'
import { enumOptions, type Option } from '../lib/lookups'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const numOr = (v: unknown) => (typeof v === 'number' ? v : undefined)

export function buildingName(options: Accessor<Option[]>, id: unknown): string {
  return (
    options()
      .find((o) => o.value === id)
      ?.label.split(' — ')[0] ?? str(id).slice(0, 8)
  )
}

export function buildingsConfig(): ResourceConfig {
  return {
    path: '/buildings',
    title: 'nav.buildings',
    testId: 'buildings',
    defaultSort: { sort_by: 'name', order: 'asc' },
    columns: [
      { key: 'name', label: 'field.name', sortable: true },
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
      { name: 'total_units', label: 'field.total_units', type: 'number', required: true, greaterThan: 0 },
      { name: 'total_tantiemes', label: 'field.total_tantiemes', type: 'number', greaterThan: 0 },
      { name: 'construction_year', label: 'field.construction_year', type: 'number', greaterThan: 1000 },
    ],
    filters: [{ name: 'city', label: 'field.city', type: 'text' }],
    remove: (row) => api.buildings.remove(row.id, numOr(row.version)),
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
      options: enumOptions(['Apartment', 'Parking', 'Cellar', 'Commercial', 'Other']),
    },
    { name: 'floor', label: 'field.floor', type: 'number' },
    {
      name: 'surface_area',
      label: 'field.surface_area',
      type: 'number',
      required: true,
      greaterThan: 0,
      step: '0.01',
    },
    { name: 'quota', label: 'field.quota', type: 'number', required: true, greaterThan: 0 },
  ]
  return {
    path: '/units',
    title: 'nav.units',
    testId: 'units',
    defaultSort: { sort_by: 'unit_number', order: 'asc' },
    columns: [
      {
        key: 'building_id',
        label: 'field.building_id',
        render: (r: Row) => buildingName(buildings, r.building_id),
      },
      { key: 'unit_number', label: 'field.unit_number', sortable: true },
      { key: 'unit_type', label: 'field.unit_type', sortable: true },
      { key: 'floor', label: 'field.floor', sortable: true },
      { key: 'surface_area', label: 'field.surface_area', render: (r: Row) => num(numOr(r.surface_area), 2) },
      { key: 'quota', label: 'field.quota', sortable: true },
      // Today's owner (the API answers owner_id for today in Brussels): a seller until the deed date.
      ...(ownerName
        ? [
            {
              key: 'owner_id',
              label: 'own.owner' as const,
              render: (r: Row) => (typeof r.owner_id === 'string' ? ownerName(r.owner_id) : '—'),
            },
          ]
        : []),
    ],
    fields,
    filters: [
      { name: 'building_id', label: 'field.building_id', type: 'select', options: buildings },
      {
        name: 'unit_type',
        label: 'field.unit_type',
        type: 'select',
        options: enumOptions(['Apartment', 'Parking', 'Cellar', 'Commercial', 'Other']),
      },
    ],
    remove: (row) => api.units.remove(row.id, numOr(row.version)),
  }
}

export function ownersConfig(): ResourceConfig {
  return {
    path: '/owners',
    title: 'nav.owners',
    testId: 'owners',
    defaultSort: { sort_by: 'last_name', order: 'asc' },
    columns: [
      { key: 'last_name', label: 'field.last_name', sortable: true },
      { key: 'first_name', label: 'field.first_name', sortable: true },
      { key: 'email', label: 'field.email', sortable: true },
      { key: 'phone', label: 'field.phone' },
      { key: 'city', label: 'field.city' },
    ],
    fields: [
      { name: 'first_name', label: 'field.first_name', type: 'text', required: true },
      { name: 'last_name', label: 'field.last_name', type: 'text', required: true },
      { name: 'email', label: 'field.email', type: 'email', required: true },
      { name: 'phone', label: 'field.phone', type: 'text' },
      { name: 'address', label: 'field.address', type: 'text', required: true },
      { name: 'city', label: 'field.city', type: 'text', required: true },
      { name: 'postal_code', label: 'field.postal_code', type: 'text', required: true },
      { name: 'country', label: 'field.country', type: 'text', required: true },
    ],
    filters: [
      { name: 'last_name', label: 'field.last_name', type: 'text' },
      { name: 'email', label: 'field.email', type: 'text' },
    ],
  }
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
    path: '/expenses',
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
        render: (r: Row) => buildingName(buildings, r.building_id),
      },
      { key: 'category', label: 'field.category', sortable: true },
      { key: 'description', label: 'field.description' },
      {
        key: 'amount',
        label: 'field.amount',
        sortable: true,
        render: (r: Row) => money(numOr(r.amount_cents) ?? Math.round((numOr(r.amount) ?? 0) * 100)),
      },
      { key: 'payment_status', label: 'field.payment_status', sortable: true },
    ],
    fields: [
      { name: 'building_id', label: 'field.building_id', type: 'select', required: true, options: buildings },
      {
        name: 'category',
        label: 'field.category',
        type: 'select',
        required: true,
        options: enumOptions(EXPENSE_CATEGORIES),
      },
      { name: 'description', label: 'field.description', type: 'text', required: true },
      { name: 'amount', label: 'field.amount', type: 'number', required: true, greaterThan: 0, step: '0.01' },
      { name: 'expense_date', label: 'field.expense_date', type: 'date', required: true },
      { name: 'supplier', label: 'field.supplier', type: 'text' },
      { name: 'invoice_number', label: 'field.invoice_number', type: 'text' },
    ],
    filters: [
      { name: 'building_id', label: 'field.building_id', type: 'select', options: buildings },
      { name: 'category', label: 'field.category', type: 'select', options: enumOptions(EXPENSE_CATEGORIES) },
      {
        name: 'status',
        label: 'field.payment_status',
        type: 'select',
        options: enumOptions(['Pending', 'Paid', 'Overdue', 'Cancelled']),
      },
    ],
  }
}

export function meetingsConfig(buildings: Accessor<Option[]>): ResourceConfig {
  return {
    path: '/meetings',
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
        render: (r: Row) => buildingName(buildings, r.building_id),
      },
      { key: 'title', label: 'field.title', sortable: true },
      { key: 'meeting_type', label: 'field.meeting_type' },
      { key: 'location', label: 'field.location' },
      { key: 'status', label: 'field.status', sortable: true },
    ],
    fields: [
      { name: 'building_id', label: 'field.building_id', type: 'select', required: true, options: buildings },
      {
        name: 'meeting_type',
        label: 'field.meeting_type',
        type: 'select',
        required: true,
        options: enumOptions(['Ordinary', 'Extraordinary']),
      },
      { name: 'title', label: 'field.title', type: 'text', required: true },
      { name: 'description', label: 'field.description', type: 'textarea' },
      { name: 'scheduled_date', label: 'field.scheduled_date', type: 'datetime-local', required: true },
      { name: 'location', label: 'field.location', type: 'text', required: true },
    ],
    filters: [{ name: 'building_id', label: 'field.building_id', type: 'select', options: buildings }],
    remove: (row) => api.meetings.remove(row.id, numOr(row.version)),
  }
}
