// What each role may open and change (mirrors the server's rules in design/API.md; the server
// stays the authority — this only hides what would be refused anyway).

import type { MessageKey } from './i18n'
import type { Role } from './wire-types'

export type AppPath =
  | '/admin'
  | '/syndic'
  | '/accountant'
  | '/owner'
  | '/buildings'
  | '/units'
  | '/owners'
  | '/suppliers'
  | '/expenses'
  | '/meetings'
  | '/documents'
  | '/profile'
  | '/mail'
  | '/jobs'
  | '/books'

export const DASHBOARD: Record<Role, AppPath> = {
  superadmin: '/admin',
  syndic: '/syndic',
  accountant: '/accountant',
  owner: '/owner',
  // The auditor lands on the list of the buildings granted to them (usually one).
  auditor: '/buildings',
}

const ALLOWED: Record<Role, readonly AppPath[]> = {
  superadmin: [
    '/admin',
    '/buildings',
    '/units',
    '/owners',
    '/suppliers',
    '/expenses',
    '/books',
    '/meetings',
    '/documents',
    '/jobs',
    '/profile',
    '/mail',
  ],
  syndic: [
    '/syndic',
    '/buildings',
    '/units',
    '/owners',
    '/suppliers',
    '/expenses',
    '/books',
    '/meetings',
    '/documents',
    '/profile',
  ],
  accountant: [
    '/accountant',
    '/buildings',
    '/units',
    '/owners',
    '/suppliers',
    '/expenses',
    '/books',
    '/meetings',
    '/documents',
    '/profile',
  ],
  owner: ['/owner', '/meetings', '/documents', '/profile'],
  // The account auditor (art. 3.91): the buildings granted to them — their page, expenses,
  // documents, books and year-end — read only (the API filters every list to those buildings).
  auditor: ['/buildings', '/expenses', '/documents', '/books', '/profile'],
}

export const canOpen = (role: Role, path: AppPath) => ALLOWED[role].includes(path)

export const NAV_LABEL: Record<AppPath, MessageKey> = {
  '/admin': 'nav.admin',
  '/syndic': 'nav.syndic',
  '/accountant': 'nav.accountant',
  '/owner': 'nav.owner',
  '/buildings': 'nav.buildings',
  '/units': 'nav.units',
  '/owners': 'nav.owners',
  '/suppliers': 'nav.suppliers',
  '/expenses': 'nav.expenses',
  '/meetings': 'nav.meetings',
  '/documents': 'nav.documents',
  '/profile': 'nav.profile',
  '/mail': 'mail.nav',
  '/jobs': 'nav.jobs',
  '/books': 'nav.books',
}

export const navFor = (role: Role): readonly AppPath[] => ALLOWED[role]

export type Resource = 'buildings' | 'units' | 'owners' | 'suppliers' | 'expenses' | 'meetings' | 'documents'

/** The account auditor reads, never writes: the header shows a read-only badge. */
export const isReadOnly = (role: Role): boolean => role === 'auditor'

/** Writes per role: syndic/superadmin manage the property; accountants also write expenses. */
export function canWrite(role: Role, resource: Resource): boolean {
  if (role === 'superadmin' || role === 'syndic') return true
  // Suppliers are the books' records (finance:write): the accountant keeps them too (ADR 0037).
  return role === 'accountant' && (resource === 'expenses' || resource === 'suppliers')
}
