/**
 * The journals an entry is written in (the decree's double-entry rules: each entry in one journal,
 * backed by a dated voucher): purchases (supplier invoices and credit notes), sales (the calls for
 * funds to the co-owners), financial (bank movements) and miscellaneous (reversals, year-end).
 */
export const JOURNALS = ['purchases', 'sales', 'financial', 'miscellaneous'] as const
export type Journal = (typeof JOURNALS)[number]

export function isJournal(value: unknown): value is Journal {
  return typeof value === 'string' && (JOURNALS as readonly string[]).includes(value)
}
