/*
 * The minimum chart of accounts of a Belgian association of co-owners: royal decree of 12 July
 * 2012 "fixant un plan comptable minimum normalisé pour les associations de copropriétaires" /
 * "tot vaststelling van een minimum genormaliseerd rekeningenstelsel voor verenigingen van
 * mede-eigenaars" (Moniteur belge 3 August 2012, p. 45961; annex amended by the royal decree of
 * 18 April 2013). The syndic keeps the association's accounts on it (Civil Code art. 3.89 §5, 17°,
 * formerly art. 577-8 §4, 17°; a building under 20 lots, cellars, garages and parkings excluded,
 * may keep simplified books, but the same chart serves both). The two funds the law requires
 * (art. 3.86 §3: working capital and reserve) each have their fund account and their bank account.
 *
 * Sources (checked in session 4, docs/finance.md "The chart"): etaamb.openjustice.be, the 2013
 * amendment https://etaamb.openjustice.be/fr/nl/arrete-royal-du-18-avril-2013_n2013009188.html;
 * the Commission des Normes Comptables' brochure (Bulletin 63)
 * http://docplayer.fr/1578046-Nouveau-plan-comptable-pour-les-associations-des-coproprietaires.html;
 * E. Arpigny's syllabus on the decree (4400 Fournisseurs, 2400 Mobilier under our 440 / 240)
 * https://123dok.net/document/y4wdr48v-mise-%C5%93uvre-l-arr%C3%AAt%C3%A9-royal-juillet.html.
 *
 * Three-digit codes are the decree's account groups; the charges by nature of group 61 are
 * subdivided one per expense category (a subdivision the decree allows: it fixes a minimum).
 */

/** Balance-sheet side or result side, which fixes the sign a balance is read with. */
export const ACCOUNT_NATURES = ['asset', 'liability', 'equity', 'charge', 'income'] as const
export type AccountNature = (typeof ACCOUNT_NATURES)[number]

/** Bounds of the books' wire parameters (the API's schemas are built from them). */
export const LEDGER_LIMITS = { fiscal_year: 9999, code: 10 } as const

export type Account = {
  readonly code: string
  /** The decree's class (first digit): 1 funds, 2 fixed assets, 4 receivables and debts, 5 cash, 6 charges, 7 income. */
  readonly accountClass: 1 | 2 | 3 | 4 | 5 | 6 | 7
  readonly nature: AccountNature
  /** English name (the web shows the translated label from the i18n fragment). */
  readonly name: string
}

export const ACCOUNTS = [
  // Class 1 — the association's funds (art. 3.86 §3) and provisions.
  { code: '100', accountClass: 1, nature: 'equity', name: 'Working capital fund' },
  { code: '140', accountClass: 1, nature: 'equity', name: 'Result carried forward' },
  { code: '160', accountClass: 1, nature: 'equity', name: 'Reserve fund' },
  // Class 2 — the movables the association may own (art. 3.86 §1: only what its purpose needs).
  { code: '240', accountClass: 2, nature: 'asset', name: 'Furniture and equipment' },
  // Class 3 — stocks (heating oil bought in bulk and not yet burnt).
  { code: '300', accountClass: 3, nature: 'asset', name: 'Stocks (fuel)' },
  // Class 4 — owners' receivables (one sub-account per owner: lines carry ownerId), suppliers, other.
  { code: '410', accountClass: 4, nature: 'asset', name: "Co-owners' receivables" },
  { code: '411', accountClass: 4, nature: 'asset', name: 'VAT recoverable' },
  { code: '440', accountClass: 4, nature: 'liability', name: 'Suppliers' },
  { code: '480', accountClass: 4, nature: 'liability', name: "Other debts (co-owners' advances)" },
  { code: '499', accountClass: 4, nature: 'asset', name: 'Suspense account' },
  // Class 5 — bank accounts: one for the working capital, one for the reserve fund; cash.
  { code: '550', accountClass: 5, nature: 'asset', name: 'Bank — working capital' },
  { code: '551', accountClass: 5, nature: 'asset', name: 'Bank — reserve fund' },
  { code: '570', accountClass: 5, nature: 'asset', name: 'Cash' },
  // Class 6 — charges by nature (group 61 services and goods, subdivided per expense category).
  { code: '610', accountClass: 6, nature: 'charge', name: 'Maintenance' },
  { code: '611', accountClass: 6, nature: 'charge', name: 'Repairs' },
  { code: '612', accountClass: 6, nature: 'charge', name: 'Utilities (water, gas, electricity)' },
  { code: '613', accountClass: 6, nature: 'charge', name: 'Administration and fees' },
  { code: '614', accountClass: 6, nature: 'charge', name: 'Insurance' },
  { code: '615', accountClass: 6, nature: 'charge', name: 'Cleaning' },
  { code: '616', accountClass: 6, nature: 'charge', name: 'Works' },
  { code: '619', accountClass: 6, nature: 'charge', name: 'Other services and goods' },
  { code: '620', accountClass: 6, nature: 'charge', name: 'Staff (caretaker)' },
  { code: '640', accountClass: 6, nature: 'charge', name: 'Other operating charges (taxes)' },
  { code: '650', accountClass: 6, nature: 'charge', name: 'Financial charges' },
  // Class 7 — income: the calls for funds to the co-owners, and other income.
  { code: '700', accountClass: 7, nature: 'income', name: 'Calls for funds — working capital' },
  { code: '701', accountClass: 7, nature: 'income', name: 'Calls for funds — reserve fund' },
  { code: '702', accountClass: 7, nature: 'income', name: 'Calls for funds — extraordinary' },
  { code: '740', accountClass: 7, nature: 'income', name: 'Other operating income' },
  { code: '750', accountClass: 7, nature: 'income', name: 'Financial income (interest)' },
] as const satisfies readonly Account[]

export type AccountCode = (typeof ACCOUNTS)[number]['code']

export const ACCOUNT_CODES: readonly AccountCode[] = ACCOUNTS.map((a) => a.code)

const BY_CODE: ReadonlyMap<string, Account> = new Map(ACCOUNTS.map((a) => [a.code, a]))

export function isAccountCode(value: unknown): value is AccountCode {
  return typeof value === 'string' && BY_CODE.has(value)
}

export function accountOf(code: AccountCode): Account {
  return BY_CODE.get(code) as Account
}

/** The accounts the postings name, so a rule reads as the books do. */
export const ACCOUNT = {
  workingCapitalFund: '100',
  reserveFund: '160',
  ownersReceivable: '410',
  suppliers: '440',
  bankWorkingCapital: '550',
  bankReserve: '551',
  callsWorkingCapital: '700',
  callsReserve: '701',
  callsExtraordinary: '702',
} as const satisfies Record<string, AccountCode>
