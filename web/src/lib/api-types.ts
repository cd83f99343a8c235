// Wire types of /api/v1 (snake_case, as the server sends them). See design/API.md.

export type Role = 'superadmin' | 'syndic' | 'accountant' | 'owner'

export interface Pagination {
  current_page: number
  per_page: number
  total_items: number
  total_pages: number
  has_next: boolean
  has_previous: boolean
}

export interface Page<T> {
  data: T[]
  pagination: Pagination
}

/** Query of every list endpoint: paging, sorting, and resource-specific filters. */
export interface ListQuery {
  page?: number
  per_page?: number
  sort_by?: string
  order?: 'asc' | 'desc'
  filters?: Record<string, string | number | boolean | undefined>
}

export interface User {
  id: string
  email: string
  first_name: string
  last_name: string
  role: Role
  organization_id: string | null
  is_active: boolean
}

export interface AuthTokens {
  token: string
  refresh_token: string
  user: User
}

export type SubscriptionPlan = 'Free' | 'Starter' | 'Professional' | 'Enterprise'

export interface Organization {
  id: string
  name: string
  slug: string
  contact_email: string
  contact_phone: string | null
  subscription_plan: SubscriptionPlan
  max_buildings: number
  max_users: number
  is_active: boolean
  created_at: string
  updated_at: string
  version?: number
}

export interface Building {
  id: string
  organization_id: string
  name: string
  address: string
  city: string
  postal_code: string
  country: string
  /** The number of lots registered (counted by the server). */
  total_units: number
  declared_units: number | null
  total_tantiemes: number
  construction_year: number | null
  syndic_name: string | null
  syndic_enterprise_number: string | null
  syndic_address: string | null
  syndic_email: string | null
  syndic_phone: string | null
  version: number
  created_at: string
  updated_at: string
}

export type UnitType = 'Apartment' | 'Parking' | 'Cellar' | 'Commercial' | 'Other'

export interface Unit {
  id: string
  building_id: string
  unit_number: string
  unit_type: UnitType
  floor: number | null
  surface_area: number
  quota: number
  owner_id: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface Owner {
  id: string
  owner_type: 'person' | 'company'
  /** The company's name, or "first_name last_name". */
  name: string
  first_name: string | null
  last_name: string | null
  company_name: string | null
  enterprise_number: string | null
  legal_representative: string | null
  email: string | null
  phone: string | null
  address: string
  city: string
  postal_code: string
  country: string
  correspondence_address: string | null
  preferred_language: 'fr' | 'nl' | 'de' | 'en'
  email_consent: boolean
  email_consent_date: string | null
  user_id: string | null
  version: number
  created_at: string
  updated_at: string
}

/** Full ownership, or one side of a dismembered lot: usufruct or bare ownership (nue-propriété). */
export type RightType = 'full' | 'usufruct' | 'bare'
/** One dated link between a lot and an owner (GET /units/{id}/owners, /owners/{id}/units). */
export interface UnitOwnership {
  id: string
  unit_id: string
  owner_id: string
  /** Decimal 0 < s ≤ 1 (share_ppm / 1e6). */
  ownership_share: number
  /** The exact share in millionths of the lot. */
  share_ppm: number
  right_type: RightType
  is_primary_contact: boolean
  start_date: string
  /** EXCLUSIVE: the first day the link no longer holds the lot (a deed date); null while open. */
  end_date: string | null
  version: number
  created_at: string
  updated_at: string
}
/** A link as seen on the asked date, with the lot's vote and calls for funds on that date. */
export interface UnitOwnershipOnDate extends UnitOwnership {
  votes: boolean
  receives_calls: boolean
}
/** POST /units/{id}/owners. `ownership_share` as a decimal string ("0.333333"): at most 6 decimals. */
export interface AddUnitOwnerInput {
  owner_id: string
  ownership_share: string | number
  right_type?: RightType
  is_primary_contact?: boolean
  start_date?: string
}
export interface TransferBuyer {
  owner_id: string
  ownership_share: string | number
  right_type?: RightType
  is_primary_contact?: boolean
}
/** POST /units/{id}/transfer: a sale on a deed date, as one operation. */
export interface UnitTransferInput {
  deed_date: string
  /** Owner ids; absent: every owner holding the lot on the deed date. */
  sellers?: string[]
  buyers: TransferBuyer[]
  version?: number
}
export interface UnitTransferResult {
  unit: Unit
  ended: UnitOwnership[]
  started: UnitOwnership[]
}
/** PUT /units/{id}/representatives: from start_date, who votes and who receives the calls (null: default). */
export interface UnitRepresentativesInput {
  start_date: string
  voter_owner_id: string | null
  calls_owner_id: string | null
}
export interface UnitRepresentation extends UnitRepresentativesInput {
  id: string
  unit_id: string
  version: number
}
export type ExpenseCategory =
  | 'Maintenance'
  | 'Repairs'
  | 'Insurance'
  | 'Utilities'
  | 'Cleaning'
  | 'Administration'
  | 'Works'
  | 'Other'
export type PaymentStatus = 'Pending' | 'Paid' | 'Overdue' | 'Cancelled'

export interface Expense {
  id: string
  building_id: string
  category: ExpenseCategory
  description: string
  amount: number
  amount_cents: number
  expense_date: string
  payment_status: PaymentStatus
  supplier: string | null
  invoice_number: string | null
  paid_date: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface DistributionShare {
  unit_id: string
  unit_number?: string
  owner_id?: string | null
  owner_name?: string
  quota?: number
  ownership_share?: number
  amount_cents: number
  amount?: number
}

export interface ExpenseDistribution {
  expense_id: string
  amount_cents: number
  total_tantiemes?: number
  units?: DistributionShare[]
  owners?: DistributionShare[]
  shares?: DistributionShare[]
}

/** One line of an owner's charges (GET /owners/{id}/charges). */
export interface OwnerCharge {
  expense_id: string
  building_id?: string
  unit_id?: string
  unit_number?: string
  description?: string
  category?: ExpenseCategory
  expense_date?: string
  payment_status?: PaymentStatus
  amount_cents: number
  amount?: number
}

export interface OwnerCharges {
  owner_id?: string
  /** The API's shape: one page as `data` with `pagination`, `totals` over every line; the other members are older spellings still read. */
  data?: OwnerCharge[]
  pagination?: Pagination
  totals?: { total_cents: number; paid_cents: number; unpaid_cents: number }
  lines?: OwnerCharge[]
  charges?: OwnerCharge[]
  total_cents?: number
  paid_cents?: number
  unpaid_cents?: number
}

export type MeetingType = 'Ordinary' | 'Extraordinary'
export type MeetingStatus = 'Scheduled' | 'Completed' | 'Cancelled'

export interface Meeting {
  id: string
  building_id: string
  meeting_type: MeetingType
  title: string
  description: string | null
  scheduled_date: string
  location: string
  status: MeetingStatus
  agenda: string[]
  attendees_count: number | null
  version: number
  created_at: string
  updated_at: string
}

export type DocumentType =
  | 'MeetingMinutes'
  | 'FinancialStatement'
  | 'Invoice'
  | 'Contract'
  | 'Regulation'
  | 'WorksQuote'
  | 'Other'

export interface DocumentMeta {
  id: string
  building_id: string
  document_type: DocumentType
  title: string
  description: string | null
  file_size: number
  file_size_mb: number
  mime_type: string
  uploaded_by: string
  related_meeting_id: string | null
  related_expense_id: string | null
  created_at: string
  updated_at: string
}

export interface DashboardStats {
  total_organizations: number
  total_users: number
  total_buildings: number
  active_subscriptions: number
  total_owners: number
  total_units: number
  total_expenses: number
  total_meetings: number
}

export interface SeedResult {
  message: string
  users?: { email: string; password: string; role: Role }[]
}

/** Fields the client may send when creating/updating (server-owned fields left out). */
export type BuildingInput = Pick<Building, 'name' | 'address' | 'city' | 'postal_code' | 'country'> &
  Partial<
    Pick<
      Building,
      | 'declared_units'
      | 'total_tantiemes'
      | 'construction_year'
      | 'syndic_name'
      | 'syndic_enterprise_number'
      | 'syndic_address'
      | 'syndic_email'
      | 'syndic_phone'
    >
  > & {
    /** v1's name of declared_units, still accepted by the server. */
    total_units?: number
  }
export type UnitInput = Pick<Unit, 'building_id' | 'unit_number' | 'unit_type' | 'surface_area' | 'quota'> &
  Partial<Pick<Unit, 'floor'>>
export type OwnerInput = Pick<Owner, 'address' | 'city' | 'postal_code' | 'country'> &
  Partial<
    Pick<
      Owner,
      | 'owner_type'
      | 'first_name'
      | 'last_name'
      | 'company_name'
      | 'enterprise_number'
      | 'legal_representative'
      | 'email'
      | 'phone'
      | 'correspondence_address'
      | 'preferred_language'
      | 'email_consent'
      | 'email_consent_date'
    >
  >
export type ExpenseInput = Pick<
  Expense,
  'building_id' | 'category' | 'description' | 'amount' | 'expense_date'
> &
  Partial<Pick<Expense, 'supplier' | 'invoice_number'>>
export type MeetingInput = Pick<
  Meeting,
  'building_id' | 'meeting_type' | 'title' | 'scheduled_date' | 'location'
> &
  Partial<Pick<Meeting, 'description'>>
export type OrganizationInput = Pick<Organization, 'name' | 'slug' | 'contact_email' | 'subscription_plan'> &
  Partial<Pick<Organization, 'contact_phone' | 'max_buildings' | 'max_users' | 'is_active'>>
export interface UserInput {
  email: string
  password?: string
  first_name: string
  last_name: string
  role: Role
  organization_id?: string | null
}
export interface DocumentUpload {
  file: Blob
  file_name: string
  building_id: string
  document_type: DocumentType
  title: string
  description?: string
  related_meeting_id?: string
  related_expense_id?: string
}
