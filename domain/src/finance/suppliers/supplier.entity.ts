import { OWNER_LANGUAGES, type OwnerLanguage } from '../../property/index.ts'
import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import { enterpriseNumberIssue, parseEnterpriseNumber } from '../../shared/enterprise-number.value-object.ts'
import { ibanIssue, parseIban } from '../../shared/iban.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { collectIssues, optionalText, requiredText } from '../../shared/text.ts'

/*
 * A supplier of the organization (ADR 0037): one record per firm the syndic buys from, shared by
 * every building the organization manages (the same roofer works for several associations). An
 * expense names it (expenses.supplier_id) and its purchase entries carry it on the 440 line, so a
 * supplier's account (what the association owes it) is read from the books.
 */
export type Supplier = {
  readonly id: string
  readonly organizationId: string
  readonly name: string
  /** The Belgian enterprise number (BCE/KBO), `0123.456.749`: 8 digits + 97 − (those mod 97). */
  readonly enterpriseNumber: string | null
  /** The VAT number: a Belgian one is `BE` + the enterprise number (checked the same way). */
  readonly vatNumber: string | null
  /** Where the association pays it (the project's one IBAN validator, ibantools). */
  readonly iban: string | null
  readonly address: string | null
  /** The language its documents are written in, if known. */
  readonly language: OwnerLanguage | null
  readonly email: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type SupplierFields = {
  readonly name: string
  readonly enterpriseNumber?: string | null | undefined
  readonly vatNumber?: string | null | undefined
  readonly iban?: string | null | undefined
  readonly address?: string | null | undefined
  readonly language?: string | null | undefined
  readonly email?: string | null | undefined
}

export type ValidSupplierFields = Omit<
  Supplier,
  'id' | 'organizationId' | 'version' | 'createdAt' | 'updatedAt'
>

/** Text lengths by wire name: the API's schemas are built from them. */
export const SUPPLIER_LIMITS = {
  name: 255,
  enterprise_number: 20,
  vat_number: 20,
  iban: 42,
  address: 500,
  email: 254,
  search: 100,
} as const

/**
 * A VAT number: `BE` + a valid enterprise number for Belgium (normalized `BE0123456749`); another
 * EU country's is kept as typed (country prefix + 2 to 13 letters/digits; VIES checks it, not us).
 */
export function parseVatNumber(input: string): Result<string, string> {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s.-]/g, '')
  if (compact.startsWith('BE')) {
    const en = parseEnterpriseNumber(compact)
    return en.ok ? ok(`BE${en.value.replace(/\./g, '')}`) : err(en.error)
  }
  if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(compact))
    return err('must be a VAT number with its country prefix, e.g. BE0123456749')
  return ok(compact)
}

export function validateSupplier(fields: SupplierFields): Result<ValidSupplierFields> {
  const enterpriseNumber = blankToNull(fields.enterpriseNumber)
  const vatNumber = blankToNull(fields.vatNumber)
  const iban = blankToNull(fields.iban)
  const address = blankToNull(fields.address)
  const language = blankToNull(fields.language)
  const email = blankToNull(fields.email)
  const vat = vatNumber === null ? null : parseVatNumber(vatNumber)
  const issues: FieldIssue[] = collectIssues(
    requiredText('name', fields.name, SUPPLIER_LIMITS.name),
    enterpriseNumberIssue('enterprise_number', enterpriseNumber),
    vat && !vat.ok ? { path: 'vat_number', message: vat.error } : undefined,
    ibanIssue('iban', iban),
    optionalText('address', address, SUPPLIER_LIMITS.address),
    language === null || (OWNER_LANGUAGES as readonly string[]).includes(language)
      ? undefined
      : { path: 'language', message: `must be one of ${OWNER_LANGUAGES.join(', ')}` },
    email === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
      ? undefined
      : { path: 'email', message: 'must be a valid e-mail address' },
    optionalText('email', email, SUPPLIER_LIMITS.email),
  )
  const en = enterpriseNumber === null ? null : parseEnterpriseNumber(enterpriseNumber)
  // A Belgian VAT number and the enterprise number are the same number: they must agree.
  if (en?.ok && vat?.ok && vat.value.startsWith('BE') && vat.value.slice(2) !== en.value.replace(/\./g, ''))
    issues.push({ path: 'vat_number', message: 'must be BE followed by the enterprise number' })
  if (issues.length > 0) return err(DomainErrors.validation('Invalid supplier', issues))
  const ib = iban === null ? null : parseIban(iban)
  return ok({
    name: fields.name.trim(),
    enterpriseNumber: en?.ok ? en.value : null,
    vatNumber: vat?.ok ? vat.value : null,
    iban: ib?.ok ? ib.value : null,
    address,
    language: language as OwnerLanguage | null,
    email: email?.toLowerCase() ?? null,
  })
}

function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim() ?? ''
  return v.length > 0 ? v : null
}
