// Error texts of the e-invoice import (issue #16: a document imported twice), spread into each
// language's catalogue with one line.
import type { Message } from '../plural.ts'

export const einvoiceErrorsEn = {
  // The unique index's refusal when two imports of the same file race (no expense to name).
  'error.code.einvoice_already_imported': 'This e-invoice was already imported; nothing was imported',
  'error.code.einvoice_already_imported.invoice':
    'Invoice {number} of {date} was already imported: expense {expenseId} ({link}); nothing was imported',
  'error.code.einvoice_already_imported.credit-note':
    'Credit note {number} of {date} was already imported: expense {expenseId} ({link}); nothing was imported',
} as const satisfies Record<string, Message>

type EInvoiceErrors = Record<keyof typeof einvoiceErrorsEn, Message>

export const einvoiceErrorsFr: EInvoiceErrors = {
  'error.code.einvoice_already_imported':
    'Cette facture électronique a déjà été importée ; rien n’a été importé',
  'error.code.einvoice_already_imported.invoice':
    'La facture {number} du {date} a déjà été importée : dépense {expenseId} ({link}) ; rien n’a été importé',
  'error.code.einvoice_already_imported.credit-note':
    'La note de crédit {number} du {date} a déjà été importée : dépense {expenseId} ({link}) ; rien n’a été importé',
}

export const einvoiceErrorsNl: EInvoiceErrors = {
  'error.code.einvoice_already_imported': 'Deze e-factuur werd al ingelezen; er werd niets ingelezen',
  'error.code.einvoice_already_imported.invoice':
    'Factuur {number} van {date} werd al ingelezen: uitgave {expenseId} ({link}); er werd niets ingelezen',
  'error.code.einvoice_already_imported.credit-note':
    'Creditnota {number} van {date} werd al ingelezen: uitgave {expenseId} ({link}); er werd niets ingelezen',
}

export const einvoiceErrorsDe: EInvoiceErrors = {
  'error.code.einvoice_already_imported':
    'Diese E-Rechnung wurde bereits importiert; nichts wurde importiert',
  'error.code.einvoice_already_imported.invoice':
    'Rechnung {number} vom {date} wurde bereits importiert: Ausgabe {expenseId} ({link}); nichts wurde importiert',
  'error.code.einvoice_already_imported.credit-note':
    'Gutschrift {number} vom {date} wurde bereits importiert: Ausgabe {expenseId} ({link}); nichts wurde importiert',
}
