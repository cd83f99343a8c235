import type { FieldIssue } from '../shared/domain-error.ts'
import type { CalendarDate } from './calendar-date.value-object.ts'
import { type OwnerFields, ownerDisplayName, type ValidOwnerFields, validateOwner } from './owner.entity.ts'
import { checkOwnershipTimeline, type DatedLink, type RightType } from './ownership-timeline.ts'
import {
  readDate,
  readInteger,
  readLanguage,
  readNumber,
  readOwnerType,
  readRightType,
  readShare,
  readUnitType,
  readYesNo,
} from './register-cells.ts'
import {
  columnOfHeader,
  headerLanguage,
  REGISTER_HEADERS,
  REQUIRED_REGISTER_COLUMNS,
  type RegisterColumn,
  type RegisterRowError,
  type RegisterSheet,
} from './register-sheet.ts'
import { FULL_SHARE_PPM } from './share.value-object.ts'
import { type ValidUnitFields, validateUnit } from './unit.entity.ts'

/** Above this many rows a file is refused whole: a building has hundreds of lots, not tens of thousands. */
export const MAX_REGISTER_ROWS = 5000

export type LotDraft = { readonly row: number; readonly fields: ValidUnitFields }
export type OwnerDraft = { readonly row: number; readonly fields: ValidOwnerFields }
export type LinkDraft = {
  readonly row: number
  readonly lotNumber: string
  /** Index into RegisterPlan.owners. */
  readonly owner: number
  readonly sharePpm: number
  readonly rightType: RightType
  readonly startDate: CalendarDate
  readonly endDate: CalendarDate | null
  readonly isPrimaryContact: boolean
}

/**
 * What a sheet says, read and checked on its own (without the database): lots, distinct owners
 * and links, or every problem found, by row and column. `columnName` gives a column's header as
 * the file spells it, for the checks the use case adds against the database.
 */
export type RegisterPlan = {
  readonly lots: readonly LotDraft[]
  readonly owners: readonly OwnerDraft[]
  readonly links: readonly LinkDraft[]
  readonly errors: readonly RegisterRowError[]
  readonly columnName: (column: RegisterColumn) => string
}

const LOT_COLUMNS = ['lot_type', 'floor', 'surface_m2', 'quota'] as const
const OWNER_PRESENCE = ['last_name', 'first_name', 'company_name', 'enterprise_number', 'email'] as const
const LINK_COLUMNS = ['share', 'right_type', 'start_date', 'end_date', 'primary_contact'] as const
/** The owner columns that must read the same on every row of one owner. */
const OWNER_COMPARED: readonly [RegisterColumn, keyof ValidOwnerFields][] = [
  ['owner_type', 'ownerType'],
  ['last_name', 'lastName'],
  ['first_name', 'firstName'],
  ['company_name', 'companyName'],
  ['enterprise_number', 'enterpriseNumber'],
  ['legal_representative', 'legalRepresentative'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['language', 'preferredLanguage'],
  ['address', 'address'],
  ['postal_code', 'postalCode'],
  ['city', 'city'],
  ['country', 'country'],
]
/** validateUnit / validateOwner name fields by their API names; the sheet by its columns. */
const ISSUE_COLUMN: Record<string, RegisterColumn> = {
  unit_number: 'lot_number',
  unit_type: 'lot_type',
  surface_area: 'surface_m2',
  preferred_language: 'language',
}

/** Case, accents and spacing do not make two owners different: "DUBOIS  Marc" is "Dubois Marc". */
export function identityKey(text: string | null): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * Reads a whole sheet. Each row is one lot and at most one ownership link; a lot spans as many
 * rows as it has links, its columns filled on the first and either repeated identically or left
 * blank on the others. The same owner on several rows is recognized by enterprise number, then
 * e-mail, then exact name + address + postal code, and must be written the same way each time.
 * Each lot's links are checked on every date with the rule every other write uses
 * (checkOwnershipTimeline), row by row, so the error lands on the row that breaks it.
 * `today` is the start date of a link given without one.
 */
export function planRegister(sheet: RegisterSheet, today: CalendarDate): RegisterPlan {
  const errors: RegisterRowError[] = []
  const lang = headerLanguage(sheet.headers)
  const index = new Map<RegisterColumn, number>()
  sheet.headers.forEach((header, i) => {
    if (header.trim() === '') return
    const column = columnOfHeader(header)
    if (column === undefined) {
      errors.push({
        row: 1,
        column: header,
        message: 'unknown column (see the template for the column names)',
      })
    } else if (index.has(column)) {
      errors.push({ row: 1, column: header, message: 'this column appears twice' })
    } else {
      index.set(column, i)
    }
  })
  const columnName = (column: RegisterColumn) => {
    const i = index.get(column)
    return i === undefined ? REGISTER_HEADERS[lang][column] : (sheet.headers[i] ?? column).trim()
  }
  for (const column of REQUIRED_REGISTER_COLUMNS) {
    if (!index.has(column)) errors.push({ row: 1, column: columnName(column), message: 'column is missing' })
  }
  if (sheet.rows.length > MAX_REGISTER_ROWS) {
    errors.push({
      row: sheet.rows[MAX_REGISTER_ROWS]?.row ?? 0,
      column: '',
      message: `a file may have at most ${MAX_REGISTER_ROWS} rows`,
    })
  }
  if (errors.length > 0) return { lots: [], owners: [], links: [], errors, columnName }

  const lots = new Map<string, LotDraft>()
  const owners: OwnerDraft[] = []
  const ownerByKey = new Map<string, number>()
  const links: LinkDraft[] = []
  const linksByLot = new Map<string, DatedLink[]>()

  for (const { row, cells } of sheet.rows) {
    const cell = (column: RegisterColumn) => {
      const i = index.get(column)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
    const problem = (column: RegisterColumn, message: string) =>
      errors.push({ row, column: columnName(column), message })
    const before = errors.length

    // The lot.
    const lotNumber = cell('lot_number')
    if (lotNumber === '') {
      problem('lot_number', 'is required')
      continue
    }
    const known = lots.get(lotNumber)
    const lotGiven = LOT_COLUMNS.some((c) => cell(c) !== '')
    if (!known || lotGiven) {
      const lot = readLot(lotNumber, cell, problem)
      if (lot && known) {
        const differs = differingLotColumn(known.fields, lot)
        if (differs) problem(differs, `differs from row ${known.row} for lot ${lotNumber}`)
      } else if (lot) {
        lots.set(lotNumber, { row, fields: lot })
      }
    }

    // The owner and the link, if any.
    const ownerGiven = OWNER_PRESENCE.some((c) => cell(c) !== '')
    if (!ownerGiven) {
      if (LINK_COLUMNS.some((c) => c !== 'primary_contact' && cell(c) !== '')) {
        problem(
          'last_name',
          'the owner is missing for this share (a lot without owner leaves every owner column empty)',
        )
      }
      continue
    }
    const owner = readOwner(cell, problem, today)
    const link = readLink(cell, problem, today)
    if (!owner || !link || errors.length > before) continue
    const keys = ownerKeys(owner)
    const matched = keys.map((k) => ownerByKey.get(k)).find((i) => i !== undefined)
    let ownerIndex: number
    if (matched !== undefined) {
      const first = owners[matched] as OwnerDraft
      const differs = OWNER_COMPARED.find(([, field]) => first.fields[field] !== owner[field])
      if (differs) {
        problem(
          differs[0],
          `the same owner as on row ${first.row} (${ownerDisplayName(first.fields)}) is written differently here: repeat the owner's columns identically`,
        )
        continue
      }
      ownerIndex = matched
    } else {
      ownerIndex = owners.push({ row, fields: owner }) - 1
    }
    for (const k of keys) if (!ownerByKey.has(k)) ownerByKey.set(k, ownerIndex)

    const dated: DatedLink = {
      ownerId: String(ownerIndex),
      sharePpm: link.sharePpm,
      rightType: link.rightType,
      startDate: link.startDate,
      endDate: link.endDate,
    }
    const lotLinks = linksByLot.get(lotNumber) ?? []
    const checked = checkOwnershipTimeline([...lotLinks, dated])
    if (!checked.ok) {
      const onDates = checked.error.kind === 'conflict' && checked.error.code === 'owner_already_linked'
      problem(
        onDates ? 'start_date' : 'share',
        checked.error.message.replace('this unit', `lot ${lotNumber}`),
      )
      continue
    }
    linksByLot.set(lotNumber, [...lotLinks, dated])
    links.push({ row, lotNumber, owner: ownerIndex, ...link })
  }

  // One primary contact among a lot's open links at most; the largest share is chosen when none is.
  const primaries = new Map<string, LinkDraft>()
  for (const l of links) {
    if (!l.isPrimaryContact || l.endDate !== null) continue
    const first = primaries.get(l.lotNumber)
    if (first) {
      errors.push({
        row: l.row,
        column: columnName('primary_contact'),
        message: `lot ${l.lotNumber} already has its primary contact on row ${first.row}`,
      })
    } else {
      primaries.set(l.lotNumber, l)
    }
  }
  // Top to bottom, then left to right as the columns stand in the file.
  const position = (column: string) => {
    const i = sheet.headers.findIndex((h) => h.trim() === column)
    return i === -1 ? sheet.headers.length : i
  }
  errors.sort((a, b) => a.row - b.row || position(a.column) - position(b.column))
  return { lots: [...lots.values()], owners, links, errors, columnName }
}

type Cell = (column: RegisterColumn) => string
type Problem = (column: RegisterColumn, message: string) => void

function issuesTo(issues: readonly FieldIssue[], problem: Problem): void {
  for (const issue of issues) {
    problem((ISSUE_COLUMN[issue.path] ?? issue.path) as RegisterColumn, issue.message)
  }
}

function readLot(lotNumber: string, cell: Cell, problem: Problem): ValidUnitFields | null {
  let ok = true
  const fail = (column: RegisterColumn, message: string) => {
    problem(column, message)
    ok = false
  }
  const unitType = readUnitType(cell('lot_type'))
  if (!unitType.ok) fail('lot_type', cell('lot_type') === '' ? 'is required' : unitType.error)
  const floor = cell('floor') === '' ? null : readInteger(cell('floor'))
  if (floor && !floor.ok) fail('floor', floor.error)
  const surface = readNumber(cell('surface_m2'))
  if (!surface.ok) fail('surface_m2', cell('surface_m2') === '' ? 'is required' : surface.error)
  const quota = readInteger(cell('quota'))
  if (!quota.ok) fail('quota', cell('quota') === '' ? 'is required' : quota.error)
  if (!ok || !unitType.ok || !surface.ok || !quota.ok || (floor && !floor.ok)) return null
  const valid = validateUnit({
    unitNumber: lotNumber,
    unitType: unitType.value,
    floor: floor ? floor.value : null,
    surfaceArea: surface.value,
    quota: quota.value,
  })
  if (!valid.ok) {
    if (valid.error.kind === 'validation') issuesTo(valid.error.issues, problem)
    return null
  }
  return valid.value
}

function differingLotColumn(a: ValidUnitFields, b: ValidUnitFields): RegisterColumn | undefined {
  if (a.unitType !== b.unitType) return 'lot_type'
  if (a.floor !== b.floor) return 'floor'
  if (a.surfaceArea !== b.surfaceArea) return 'surface_m2'
  if (a.quota !== b.quota) return 'quota'
  return undefined
}

function readOwner(cell: Cell, problem: Problem, today: CalendarDate): ValidOwnerFields | null {
  // A wrong type or language is reported and the rest of the owner still checked: all errors at once.
  let bad = false
  let ownerType: OwnerFields['ownerType'] =
    // Left blank: a row naming a company (or giving its number) is a company's.
    cell('company_name') !== '' || cell('enterprise_number') !== '' ? 'company' : 'person'
  if (cell('owner_type') !== '') {
    const t = readOwnerType(cell('owner_type'))
    if (t.ok) ownerType = t.value
    else {
      problem('owner_type', t.error)
      bad = true
    }
  }
  let preferredLanguage: OwnerFields['preferredLanguage']
  if (cell('language') !== '') {
    const l = readLanguage(cell('language'))
    if (l.ok) preferredLanguage = l.value
    else {
      problem('language', l.error)
      bad = true
    }
  }
  const valid = validateOwner(
    {
      ownerType,
      firstName: cell('first_name'),
      lastName: cell('last_name'),
      companyName: cell('company_name'),
      enterpriseNumber: cell('enterprise_number'),
      legalRepresentative: cell('legal_representative'),
      email: cell('email'),
      phone: cell('phone'),
      address: cell('address'),
      postalCode: cell('postal_code'),
      city: cell('city'),
      country: cell('country'),
      preferredLanguage,
    },
    today,
  )
  if (!valid.ok) {
    if (valid.error.kind === 'validation') issuesTo(valid.error.issues, problem)
    return null
  }
  return bad ? null : valid.value
}

function readLink(
  cell: Cell,
  problem: Problem,
  today: CalendarDate,
): Omit<LinkDraft, 'row' | 'lotNumber' | 'owner'> | null {
  const share = cell('share') === '' ? { ok: true as const, value: FULL_SHARE_PPM } : readShare(cell('share'))
  if (!share.ok) problem('share', share.error)
  const right =
    cell('right_type') === ''
      ? { ok: true as const, value: 'full' as const }
      : readRightType(cell('right_type'))
  if (!right.ok) problem('right_type', right.error)
  const start = cell('start_date') === '' ? { ok: true as const, value: today } : readDate(cell('start_date'))
  if (!start.ok) problem('start_date', start.error)
  const end = cell('end_date') === '' ? { ok: true as const, value: null } : readDate(cell('end_date'))
  if (!end.ok) problem('end_date', end.error)
  const primary = readYesNo(cell('primary_contact'))
  if (!primary.ok) problem('primary_contact', primary.error)
  if (!share.ok || !right.ok || !start.ok || !end.ok || !primary.ok) return null
  if (end.value !== null && end.value <= start.value) {
    problem(
      'end_date',
      'must be after the start date (the end date is the first day the link no longer holds)',
    )
    return null
  }
  return {
    sharePpm: share.value,
    rightType: right.value,
    startDate: start.value,
    endDate: end.value,
    isPrimaryContact: primary.value,
  }
}

/** The keys one owner is recognized by within a file, most reliable first. */
function ownerKeys(owner: ValidOwnerFields): string[] {
  const keys: string[] = []
  if (owner.enterpriseNumber) keys.push(`enterprise:${owner.enterpriseNumber}`)
  if (owner.email) keys.push(`email:${owner.email}`)
  keys.push(
    `name:${identityKey(ownerDisplayName(owner))}|${identityKey(owner.address)}|${identityKey(owner.postalCode)}`,
  )
  return keys
}
