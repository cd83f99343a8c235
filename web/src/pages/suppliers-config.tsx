// The suppliers' list and form (ADR 0037): the organization's records the expenses name; the
// name links to the supplier's page with its 440 account.
import { GuardedLink, supplierHref } from '../components/EntityLinks'
import type { ResourceConfig, Row } from '../components/ResourcePage'
import * as api from '../lib/api'
import { LOCALES, localeName } from '../lib/i18n'
import type { SupplierInput } from '../lib/wire-types'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

export function suppliersConfig(): ResourceConfig {
  return {
    rows: {
      list: (q) => api.suppliers.page(q) as ReturnType<ResourceConfig['rows']['list']>,
      save: (body, existing) => api.suppliers.save(body as Partial<SupplierInput>, existing),
    },
    title: 'nav.suppliers',
    testId: 'suppliers',
    defaultSort: { sort_by: 'name', order: 'asc' },
    columns: [
      {
        key: 'name',
        label: 'field.name',
        sortable: true,
        render: (r: Row) => (
          <GuardedLink list="/suppliers" id={r.id} href={supplierHref(r.id)}>
            {str(r.name)}
          </GuardedLink>
        ),
      },
      { key: 'enterprise_number', label: 'expense.enterpriseNumber' },
      { key: 'iban', label: 'expense.iban' },
    ],
    fields: [
      { name: 'name', label: 'field.name', type: 'text', required: true },
      // The server checks the number's mod-97 and the IBAN's checksum and says which is wrong.
      { name: 'enterprise_number', label: 'expense.enterpriseNumber', type: 'text' },
      { name: 'vat_number', label: 'supplier.vatNumber', type: 'text' },
      { name: 'iban', label: 'expense.iban', type: 'text' },
      { name: 'address', label: 'field.address', type: 'text' },
      { name: 'email', label: 'supplier.email', type: 'email' },
      {
        name: 'language',
        label: 'supplier.language',
        type: 'select',
        options: () => LOCALES.map((l) => ({ value: l, label: localeName(l) })),
      },
    ],
    filters: [{ name: 'search', label: 'field.name', type: 'text' }],
  }
}
