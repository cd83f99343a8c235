// The API's texts for the books and the expense lifecycle (ADR 0031), one object per language,
// spread into errors/<locale>.ts with one line each. English defines the keys and the templates.
import type { Message } from '../plural.ts'

export const ledgerErrorsEn = {
  'error.code.expense_not_approved': 'Approve this expense first: a draft is not in the books',
  'error.code.expense_already_approved': 'This expense is already approved',
  'error.entity.Account': 'Account',
  'error.msg.unbalancedEntry': 'Unbalanced or invalid entry',
  'error.field.entryLines': 'must have {min} to {max} lines',
  'error.field.notInChart': 'is not an account of the chart',
  'error.field.debitOrCredit': 'must be either a debit or a credit, not both nor neither',
  'error.field.debitsCreditsDiffer': 'debits ({debit}) and credits ({credit}) differ',
  'error.field.exclVatRequired': 'is required with a VAT rate: an integer number of cents, not 0',
  'error.field.signOfAmount': 'must have the sign of the amount (negative for a credit note)',
  'error.field.vatOfRate': 'must be {rate} % of the amount excluding VAT ({vat})',
  'error.field.exclPlusVat': 'must equal the amount excluding VAT plus the VAT ({total})',
  'error.field.creditNoteCents': 'must be a negative integer number of cents (a credit note)',
  'error.field.creditNoteAmount': 'must be negative (a credit note)',
  'error.field.iban': 'must be an IBAN, e.g. BE68 5390 0754 7034',
  'error.field.ibanLength': 'must have {length} characters for {country}',
} as const satisfies Record<string, Message>

type LedgerErrors = Record<keyof typeof ledgerErrorsEn, Message>

export const ledgerErrorsFr: LedgerErrors = {
  'error.code.expense_not_approved':
    'Approuvez d’abord cette dépense : un brouillon n’est pas en comptabilité',
  'error.code.expense_already_approved': 'Cette dépense est déjà approuvée',
  'error.entity.Account': 'Compte',
  'error.msg.unbalancedEntry': 'Écriture déséquilibrée ou invalide',
  'error.field.entryLines': 'doit avoir de {min} à {max} lignes',
  'error.field.notInChart': 'n’est pas un compte du plan comptable',
  'error.field.debitOrCredit': 'doit être soit un débit soit un crédit, ni les deux ni aucun',
  'error.field.debitsCreditsDiffer': 'les débits ({debit}) et les crédits ({credit}) diffèrent',
  'error.field.exclVatRequired': 'est requis avec un taux de TVA : un nombre entier de centimes, non nul',
  'error.field.signOfAmount': 'doit avoir le signe du montant (négatif pour une note de crédit)',
  'error.field.vatOfRate': 'doit être {rate} % du montant hors TVA ({vat})',
  'error.field.exclPlusVat': 'doit égaler le montant hors TVA plus la TVA ({total})',
  'error.field.creditNoteCents': 'doit être un nombre entier négatif de centimes (une note de crédit)',
  'error.field.creditNoteAmount': 'doit être négatif (une note de crédit)',
  'error.field.iban': 'doit être un IBAN, p. ex. BE68 5390 0754 7034',
  'error.field.ibanLength': 'doit avoir {length} caractères pour {country}',
}

export const ledgerErrorsNl: LedgerErrors = {
  'error.code.expense_not_approved': 'Keur deze uitgave eerst goed: een ontwerp staat niet in de boekhouding',
  'error.code.expense_already_approved': 'Deze uitgave is al goedgekeurd',
  'error.entity.Account': 'Rekening',
  'error.msg.unbalancedEntry': 'Onevenwichtige of ongeldige boeking',
  'error.field.entryLines': 'moet {min} tot {max} lijnen hebben',
  'error.field.notInChart': 'is geen rekening van het rekeningenstelsel',
  'error.field.debitOrCredit': 'moet een debet of een credit zijn, niet beide en niet geen van beide',
  'error.field.debitsCreditsDiffer': 'debet ({debit}) en credit ({credit}) verschillen',
  'error.field.exclVatRequired': 'is verplicht bij een btw-tarief: een geheel aantal cent, niet 0',
  'error.field.signOfAmount': 'moet het teken van het bedrag hebben (negatief voor een creditnota)',
  'error.field.vatOfRate': 'moet {rate} % van het bedrag exclusief btw zijn ({vat})',
  'error.field.exclPlusVat': 'moet gelijk zijn aan het bedrag exclusief btw plus de btw ({total})',
  'error.field.creditNoteCents': 'moet een negatief geheel aantal cent zijn (een creditnota)',
  'error.field.creditNoteAmount': 'moet negatief zijn (een creditnota)',
  'error.field.iban': 'moet een IBAN zijn, bv. BE68 5390 0754 7034',
  'error.field.ibanLength': 'moet {length} tekens hebben voor {country}',
}

export const ledgerErrorsDe: LedgerErrors = {
  'error.code.expense_not_approved': 'Genehmigen Sie diese Ausgabe zuerst: ein Entwurf ist nicht verbucht',
  'error.code.expense_already_approved': 'Diese Ausgabe ist bereits genehmigt',
  'error.entity.Account': 'Konto',
  'error.msg.unbalancedEntry': 'Unausgeglichene oder ungültige Buchung',
  'error.field.entryLines': 'muss {min} bis {max} Zeilen haben',
  'error.field.notInChart': 'ist kein Konto des Kontenplans',
  'error.field.debitOrCredit': 'muss entweder Soll oder Haben sein, nicht beides und nicht keines',
  'error.field.debitsCreditsDiffer': 'Soll ({debit}) und Haben ({credit}) unterscheiden sich',
  'error.field.exclVatRequired': 'ist mit einem MwSt.-Satz erforderlich: eine ganze Zahl von Cent, nicht 0',
  'error.field.signOfAmount': 'muss das Vorzeichen des Betrags haben (negativ für eine Gutschrift)',
  'error.field.vatOfRate': 'muss {rate} % des Nettobetrags sein ({vat})',
  'error.field.exclPlusVat': 'muss dem Nettobetrag plus MwSt. entsprechen ({total})',
  'error.field.creditNoteCents': 'muss eine negative ganze Zahl von Cent sein (eine Gutschrift)',
  'error.field.creditNoteAmount': 'muss negativ sein (eine Gutschrift)',
  'error.field.iban': 'muss eine IBAN sein, z. B. BE68 5390 0754 7034',
  'error.field.ibanLength': 'muss {length} Zeichen für {country} haben',
}
