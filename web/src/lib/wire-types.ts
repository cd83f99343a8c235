// Names for the API's wire types. Every shape comes from the generated api-schema.gen.ts
// (`make api-types`, from /api/v1/openapi.json): nothing here restates a field, so a renamed or
// retyped response field fails the web's typecheck where it is used (ADR 0026).
import type { components, paths } from './api-schema.gen'

type Schemas = components['schemas']

export type { paths }
export type User = Schemas['User']
export type Role = User['role']
export type Session = Schemas['Session']
export type Organization = Schemas['Organization']
export type SubscriptionPlan = Organization['subscription_plan']
export type Building = Schemas['Building']
export type Unit = Schemas['Unit']
export type UnitType = Unit['unit_type']
export type Owner = Schemas['Owner']
export type UnitOwnership = Schemas['UnitOwnership']
export type UnitOwnershipOnDate = Schemas['UnitOwnershipOnDate']
export type RightType = UnitOwnership['right_type']
export type UnitTransferResult = Schemas['UnitTransferResult']
export type UnitRepresentation = Schemas['UnitRepresentation']
export type Expense = Schemas['Expense']
export type ExpenseDistribution = Schemas['ExpenseDistribution']
export type EditDraftExpense = Schemas['EditDraftExpense']
export type CorrectExpense = Schemas['CorrectExpense']
export type Supplier = Schemas['Supplier']
export type SupplierInput = Schemas['SupplierInput']
export type SupplierAccount = Schemas['SupplierAccount']
export type OwnerCharges = Schemas['OwnerCharges']
export type OwnerCharge = Schemas['OwnerChargeLine']
export type Meeting = Schemas['Meeting']
export type DocumentMeta = Schemas['Document']
export type DocumentType = DocumentMeta['document_type']
export type DashboardStats = Schemas['DashboardStats']
export type Job = Schemas['Job']
export type SeedResult = Schemas['SeedResult']
export type SeedClearResult = Schemas['SeedClearResult']
export type RegisterImportReport = Schemas['RegisterImport']
export type Pagination = Schemas['Pagination']
export type DistributionKey = Schemas['DistributionKey']
export type DistributionKeyInput = Schemas['DistributionKeyInput']
export type Budget = Schemas['Budget']
export type BudgetInput = Schemas['BudgetInput']
export type ApproveBudgetInput = Schemas['ApproveBudget']

export type OrganizationInput = Schemas['CreateOrganization']
export type OrganizationUpdate = Schemas['UpdateOrganization']
export type UserInput = Schemas['CreateUser']
export type UserUpdate = Schemas['UpdateUser']
export type BuildingInput = Schemas['CreateBuilding']
export type BuildingUpdate = Schemas['UpdateBuilding']
export type UnitInput = Schemas['CreateUnit']
export type UnitUpdate = Schemas['UpdateUnit']
export type OwnerInput = Schemas['CreateOwner']
export type OwnerUpdate = Schemas['UpdateOwner']
export type ExpenseInput = Schemas['CreateExpense']
export type MeetingInput = Schemas['CreateMeeting']
export type MeetingUpdate = Schemas['UpdateMeeting']
export type AddUnitOwnerInput = Schemas['AddUnitOwner']
export type UnitTransferInput = Schemas['UnitTransfer']
export type UnitRepresentativesInput = Schemas['UnitRepresentatives']

/** A page of any list endpoint (each has its own generated `XxxPage`, all of this shape). */
export interface Page<T> {
  data: T[]
  pagination: Pagination
}

/** The list views' state: paging, sorting and the resource's own filters (flattened when sent). */
export interface ListQuery {
  page?: number
  per_page?: number
  sort_by?: string
  order?: 'asc' | 'desc'
  filters?: Record<string, string | number | boolean | undefined>
}

type UploadFields = paths['/documents']['post']['requestBody']['content']['multipart/form-data']

/** What the upload form sends (multipart: the document's fields, then the file as a Blob). */
export type DocumentUpload = Omit<UploadFields, 'file'> & { file: Blob; file_name: string }

/**
 * Every value of a wire enum, for the selects: listed once here and checked by the compiler
 * both ways (a value the API drops, adds or renames fails the typecheck), never restated in views.
 */
const valuesOf = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[]

export const ROLES = valuesOf<Role>({
  superadmin: true,
  syndic: true,
  accountant: true,
  owner: true,
  auditor: true,
})
export const SUBSCRIPTION_PLANS = valuesOf<SubscriptionPlan>({
  Free: true,
  Starter: true,
  Professional: true,
  Enterprise: true,
})
export const UNIT_TYPES = valuesOf<UnitType>({
  Apartment: true,
  Parking: true,
  Cellar: true,
  Commercial: true,
  Other: true,
})
export const PAYMENT_STATUSES = valuesOf<Expense['payment_status']>({
  Pending: true,
  Paid: true,
  Overdue: true,
  Cancelled: true,
})
export const MEETING_TYPES = valuesOf<Meeting['meeting_type']>({ Ordinary: true, Extraordinary: true })
export const DOCUMENT_TYPES = valuesOf<DocumentType>({
  MeetingMinutes: true,
  FinancialStatement: true,
  Invoice: true,
  Contract: true,
  Regulation: true,
  WorksQuote: true,
  Other: true,
})
export type CallForFunds = Schemas['CallForFunds']
export type CallLine = Schemas['CallLine']
export type IssueCallInput = Schemas['CallForFundsInput']
export type OwnerPaymentInput = Schemas['OwnerPaymentInput']
export type OwnerPayment = Schemas['OwnerPayment']
export type BankAccountInput = Schemas['BuildingBankAccountInput']
export type Reminder = Schemas['Reminder']
export type ArrearsSettings = Schemas['ArrearsSettings']
export type ArrearsSettingsInput = Schemas['ArrearsSettingsInput']
