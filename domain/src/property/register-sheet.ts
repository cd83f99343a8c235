import type { OwnerLanguage } from './owner.entity.ts'

/**
 * The register spreadsheet (issue #20 item 17): one row per (lot, ownership link), the same
 * format for the import, the export and the downloadable template. Each column has a stable
 * technical key and a header in the four UI languages; the importer accepts any of the five
 * spellings, compared without case, accents, spaces or punctuation ("Numéro de lot" =
 * "numero_de_lot"), so a template downloaded in Dutch can be filled in and imported by a French
 * colleague. docs/property-register.md ("Onboarding from a spreadsheet") lists them.
 */
export const REGISTER_COLUMNS = [
  'lot_number',
  'lot_type',
  'floor',
  'surface_m2',
  'quota',
  'owner_type',
  'last_name',
  'first_name',
  'company_name',
  'enterprise_number',
  'legal_representative',
  'email',
  'phone',
  'language',
  'address',
  'postal_code',
  'city',
  'country',
  'share',
  'right_type',
  'start_date',
  'end_date',
  'primary_contact',
] as const
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number]

/** The columns a file must have; every other column may be left out entirely. */
export const REQUIRED_REGISTER_COLUMNS: readonly RegisterColumn[] = [
  'lot_number',
  'lot_type',
  'surface_m2',
  'quota',
]

export const REGISTER_HEADERS: Record<OwnerLanguage, Record<RegisterColumn, string>> = {
  fr: {
    lot_number: 'Numéro de lot',
    lot_type: 'Type de lot',
    floor: 'Étage',
    surface_m2: 'Surface (m²)',
    quota: 'Quote-part (tantièmes)',
    owner_type: 'Type de propriétaire',
    last_name: 'Nom',
    first_name: 'Prénom',
    company_name: 'Société',
    enterprise_number: "Numéro d'entreprise",
    legal_representative: 'Représentant légal',
    email: 'E-mail',
    phone: 'Téléphone',
    language: 'Langue',
    address: 'Adresse',
    postal_code: 'Code postal',
    city: 'Localité',
    country: 'Pays',
    share: 'Part',
    right_type: 'Droit',
    start_date: 'Date de début',
    end_date: 'Date de fin',
    primary_contact: 'Contact principal',
  },
  nl: {
    lot_number: 'Kavelnummer',
    lot_type: 'Type kavel',
    floor: 'Verdieping',
    surface_m2: 'Oppervlakte (m²)',
    quota: 'Aandeel in de gemene delen (quotiteiten)',
    owner_type: 'Type eigenaar',
    last_name: 'Naam',
    first_name: 'Voornaam',
    company_name: 'Vennootschap',
    enterprise_number: 'Ondernemingsnummer',
    legal_representative: 'Wettelijk vertegenwoordiger',
    email: 'E-mail',
    phone: 'Telefoon',
    language: 'Taal',
    address: 'Adres',
    postal_code: 'Postcode',
    city: 'Gemeente',
    country: 'Land',
    share: 'Eigendomsaandeel',
    right_type: 'Recht',
    start_date: 'Begindatum',
    end_date: 'Einddatum',
    primary_contact: 'Hoofdcontact',
  },
  de: {
    lot_number: 'Einheitsnummer',
    lot_type: 'Art der Einheit',
    floor: 'Etage',
    surface_m2: 'Fläche (m²)',
    quota: 'Quote (Tausendstel)',
    owner_type: 'Eigentümerart',
    last_name: 'Nachname',
    first_name: 'Vorname',
    company_name: 'Gesellschaft',
    enterprise_number: 'Unternehmensnummer',
    legal_representative: 'Gesetzlicher Vertreter',
    email: 'E-Mail',
    phone: 'Telefon',
    language: 'Sprache',
    address: 'Adresse',
    postal_code: 'Postleitzahl',
    city: 'Ort',
    country: 'Land',
    share: 'Eigentumsanteil',
    right_type: 'Recht',
    start_date: 'Beginndatum',
    end_date: 'Enddatum',
    primary_contact: 'Hauptkontakt',
  },
  en: {
    lot_number: 'Lot number',
    lot_type: 'Lot type',
    floor: 'Floor',
    surface_m2: 'Surface (m²)',
    quota: 'Quota (tantièmes)',
    owner_type: 'Owner type',
    last_name: 'Last name',
    first_name: 'First name',
    company_name: 'Company name',
    enterprise_number: 'Enterprise number',
    legal_representative: 'Legal representative',
    email: 'E-mail',
    phone: 'Phone',
    language: 'Language',
    address: 'Address',
    postal_code: 'Postal code',
    city: 'City',
    country: 'Country',
    share: 'Share',
    right_type: 'Right',
    start_date: 'Start date',
    end_date: 'End date',
    primary_contact: 'Primary contact',
  },
}

/** "Numéro d'entreprise" → "numerodentreprise": what two spellings of one header have in common. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/²/g, '2')
    .replace(/[^a-z0-9]/g, '')
}

const HEADER_INDEX: ReadonlyMap<string, RegisterColumn> = (() => {
  const index = new Map<string, RegisterColumn>()
  for (const column of REGISTER_COLUMNS) index.set(normalizeHeader(column), column)
  for (const labels of Object.values(REGISTER_HEADERS)) {
    for (const column of REGISTER_COLUMNS) index.set(normalizeHeader(labels[column]), column)
  }
  return index
})()

/** The column a header names, in any of the four languages or its technical key; undefined if none. */
export function columnOfHeader(header: string): RegisterColumn | undefined {
  return HEADER_INDEX.get(normalizeHeader(header))
}

/** The language whose labels the file's headers use most (English when none): for error messages. */
export function headerLanguage(headers: readonly string[]): OwnerLanguage {
  const normalized = new Set(headers.map(normalizeHeader))
  let best: OwnerLanguage = 'en'
  let bestCount = 0
  for (const [lang, labels] of Object.entries(REGISTER_HEADERS) as [
    OwnerLanguage,
    Record<RegisterColumn, string>,
  ][]) {
    const count = REGISTER_COLUMNS.filter((c) => normalized.has(normalizeHeader(labels[c]))).length
    if (count > bestCount) {
      best = lang
      bestCount = count
    }
  }
  return best
}

/** A sheet as read from CSV or XLSX: the header row and each non-empty row with its number as shown. */
export type RegisterSheet = {
  readonly headers: readonly string[]
  /** `row` is the spreadsheet's own row number (the header is row 1). */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[]
}

/** One problem of the file: the sheet row, the column header as the file spells it, and why. */
export type RegisterRowError = {
  readonly row: number
  readonly column: string
  readonly message: string
}

/** One row of the register, every cell as text (the export's output, the template's example). */
export type RegisterRow = Readonly<Record<RegisterColumn, string>>

/** The rows as a table with headers in `lang`: what the CSV and XLSX writers print. */
export function registerTable(
  rows: readonly RegisterRow[],
  lang: OwnerLanguage,
): { headers: string[]; rows: string[][] } {
  const labels = REGISTER_HEADERS[lang]
  return {
    headers: REGISTER_COLUMNS.map((c) => labels[c]),
    rows: rows.map((r) => REGISTER_COLUMNS.map((c) => r[c])),
  }
}

const blank: RegisterRow = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, ''])) as RegisterRow

/** The template's example rows: a lot with two owners in indivision, a company's lot, a lot without owner. */
export const REGISTER_TEMPLATE_EXAMPLE: readonly RegisterRow[] = [
  {
    ...blank,
    lot_number: 'A1',
    lot_type: 'Apartment',
    floor: '1',
    surface_m2: '82,5',
    quota: '120',
    owner_type: 'person',
    last_name: 'Peeters',
    first_name: 'Anne',
    email: 'anne.peeters@example.be',
    language: 'nl',
    address: 'Kerkstraat 1',
    postal_code: '1000',
    city: 'Brussel',
    country: 'BE',
    share: '1/2',
    right_type: 'full',
    start_date: '2020-01-15',
    primary_contact: 'yes',
  },
  {
    ...blank,
    lot_number: 'A1',
    owner_type: 'person',
    last_name: 'Dubois',
    first_name: 'Marc',
    language: 'fr',
    address: 'Rue Haute 5',
    postal_code: '1000',
    city: 'Bruxelles',
    country: 'BE',
    share: '0,5',
    right_type: 'full',
    start_date: '2020-01-15',
  },
  {
    ...blank,
    lot_number: 'C1',
    lot_type: 'Commercial',
    floor: '0',
    surface_m2: '120',
    quota: '150',
    owner_type: 'company',
    company_name: 'Bakkerij Janssens BV',
    enterprise_number: '0123.456.749',
    legal_representative: 'Jan Janssens',
    email: 'info@janssens.example',
    language: 'nl',
    address: 'Kerkstraat 3',
    postal_code: '1000',
    city: 'Brussel',
    country: 'BE',
    share: '1',
    right_type: 'full',
    start_date: '2018-06-01',
  },
  { ...blank, lot_number: 'P1', lot_type: 'Parking', floor: '-1', surface_m2: '12', quota: '10' },
]
