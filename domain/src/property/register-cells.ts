import { err, ok, type Result } from '../shared/result.ts'
import { type CalendarDate, parseCalendarDate } from './calendar-date.value-object.ts'
import { OWNER_LANGUAGES, type OwnerLanguage, type OwnerType } from './owner.entity.ts'
import type { RightType } from './ownership-timeline.ts'
import { FULL_SHARE_PPM, sharePpmFromDecimal } from './share.value-object.ts'
import type { UnitType } from './unit.entity.ts'

/**
 * How the register's cells are read. Spreadsheets typed in Belgium mix languages and number
 * formats, so each reader accepts the domain's wire value and the usual words of fr/nl/de/en;
 * every reader answers a message (English, like the API's other messages) instead of throwing.
 */

/** Lower case, no accents, no spaces or punctuation: "Nue-propriété" → "nuepropriete". */
function key(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

function lookup<T>(table: Record<string, T>, text: string, expected: string): Result<T, string> {
  const found = table[key(text)]
  return found === undefined ? err(`must be one of ${expected}`) : ok(found)
}

const UNIT_TYPE_WORDS: Record<string, UnitType> = {
  apartment: 'Apartment',
  appartement: 'Apartment',
  flat: 'Apartment',
  wohnung: 'Apartment',
  parking: 'Parking',
  garage: 'Parking',
  parkeerplaats: 'Parking',
  stellplatz: 'Parking',
  cellar: 'Cellar',
  cave: 'Cellar',
  kelder: 'Cellar',
  keller: 'Cellar',
  commercial: 'Commercial',
  commerce: 'Commercial',
  handelsruimte: 'Commercial',
  handel: 'Commercial',
  gewerbe: 'Commercial',
  other: 'Other',
  autre: 'Other',
  ander: 'Other',
  andere: 'Other',
}

export function readUnitType(text: string): Result<UnitType, string> {
  return lookup(UNIT_TYPE_WORDS, text, 'Apartment, Parking, Cellar, Commercial, Other')
}

const OWNER_TYPE_WORDS: Record<string, OwnerType> = {
  person: 'person',
  personne: 'person',
  persoon: 'person',
  natuurlijkpersoon: 'person',
  personnephysique: 'person',
  company: 'company',
  societe: 'company',
  entreprise: 'company',
  personnemorale: 'company',
  vennootschap: 'company',
  bedrijf: 'company',
  rechtspersoon: 'company',
  gesellschaft: 'company',
  firma: 'company',
  unternehmen: 'company',
}

export function readOwnerType(text: string): Result<OwnerType, string> {
  return lookup(OWNER_TYPE_WORDS, text, 'person, company')
}

const RIGHT_WORDS: Record<string, RightType> = {
  full: 'full',
  fullownership: 'full',
  pleinepropriete: 'full',
  propriete: 'full',
  volleeigendom: 'full',
  eigendom: 'full',
  volleigentum: 'full',
  eigentum: 'full',
  usufruct: 'usufruct',
  usufruit: 'usufruct',
  vruchtgebruik: 'usufruct',
  niessbrauch: 'usufruct',
  niebrauch: 'usufruct',
  bare: 'bare',
  bareownership: 'bare',
  nuepropriete: 'bare',
  bloteeigendom: 'bare',
  naakteeigendom: 'bare',
  nackteigentum: 'bare',
  nacktesEigentum: 'bare',
  nackteseigentum: 'bare',
}

export function readRightType(text: string): Result<RightType, string> {
  return lookup(RIGHT_WORDS, text, 'full, usufruct, bare')
}

const LANGUAGE_WORDS: Record<string, OwnerLanguage> = {
  ...Object.fromEntries(OWNER_LANGUAGES.map((l) => [l, l])),
  francais: 'fr',
  french: 'fr',
  frans: 'fr',
  franzosisch: 'fr',
  nederlands: 'nl',
  dutch: 'nl',
  neerlandais: 'nl',
  niederlandisch: 'nl',
  deutsch: 'de',
  german: 'de',
  allemand: 'de',
  duits: 'de',
  english: 'en',
  anglais: 'en',
  engels: 'en',
  englisch: 'en',
}

export function readLanguage(text: string): Result<OwnerLanguage, string> {
  return lookup(LANGUAGE_WORDS, text, 'fr, nl, de, en')
}

const YES = new Set(['yes', 'y', 'oui', 'ja', 'true', '1', 'x', 'waar', 'vrai', 'wahr'])
const NO = new Set(['no', 'n', 'non', 'nee', 'nein', 'false', '0', 'faux', 'onwaar', 'falsch'])

/** An empty cell is "no". */
export function readYesNo(text: string): Result<boolean, string> {
  const k = key(text)
  if (k === '' || NO.has(k)) return ok(false)
  if (YES.has(k)) return ok(true)
  return err('must be yes or no')
}

/** 12, 12.5, 12,5 (Belgian decimal comma); a thousands separator is refused rather than guessed. */
export function readNumber(text: string): Result<number, string> {
  const t = text.trim().replace(/\s/g, '')
  if (!/^-?\d+(?:[.,]\d+)?$/.test(t)) return err('must be a number')
  return ok(Number(t.replace(',', '.')))
}

export function readInteger(text: string): Result<number, string> {
  const n = readNumber(text)
  if (!n.ok) return n
  return Number.isInteger(n.value) ? n : err('must be a whole number')
}

/**
 * A share as a decimal (0.5, 0,5) or a fraction (1/3). A fraction is rounded DOWN to the
 * millionth, so three thirds (333 333 each) or six sixths never add up to more than a whole lot.
 */
export function readShare(text: string): Result<number, string> {
  const t = text.trim().replace(/\s/g, '')
  const fraction = /^(\d+)\/(\d+)$/.exec(t)
  if (fraction) {
    const num = BigInt(fraction[1] ?? '0')
    const den = BigInt(fraction[2] ?? '0')
    if (den === 0n || num === 0n) return err('must be greater than 0')
    if (num > den) return err('must be at most 1')
    const ppm = Number((num * BigInt(FULL_SHARE_PPM)) / den)
    return ppm > 0 ? ok(ppm) : err('must be at least 0.000001')
  }
  const percent = /^(\d+(?:[.,]\d+)?)%$/.exec(t)
  if (percent) {
    const asDecimal = readNumber(percent[1] ?? '')
    if (!asDecimal.ok) return asDecimal
    const ppm = Math.round(asDecimal.value * 10_000)
    if (ppm <= 0) return err('must be greater than 0')
    return ppm > FULL_SHARE_PPM ? err('must be at most 1') : ok(ppm)
  }
  const decimal = sharePpmFromDecimal(t)
  if (!decimal.ok) {
    const issue = decimal.error.kind === 'validation' ? decimal.error.issues[0]?.message : undefined
    return err(issue ?? 'must be a decimal between 0 and 1 or a fraction like 1/3')
  }
  return ok(decimal.value)
}

/** 2024-03-15 (ISO), or 15/03/2024, 15.03.2024, 15-03-2024 as typed in Belgium (day first). */
export function readDate(text: string): Result<CalendarDate, string> {
  const t = text.trim()
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  const iso = dayFirst
    ? `${dayFirst[3]}-${(dayFirst[2] ?? '').padStart(2, '0')}-${(dayFirst[1] ?? '').padStart(2, '0')}`
    : t
  const parsed = parseCalendarDate(iso, 'date')
  return parsed.ok ? ok(parsed.value) : err('must be a date YYYY-MM-DD or DD/MM/YYYY')
}
