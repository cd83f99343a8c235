// Error texts of calls for funds, payments and bank accounts (ADR 0032), spread into each
// language's catalogue with one line.
import type { Message } from '../plural.ts'

export const callsErrorsEn = {
  'error.entity.CallForFunds': 'Call for funds',
  'error.entity.BankAccount': 'Bank account',
  'error.code.budget_not_approved':
    'No approved budget for {fiscal_year}: provisions are called from the budget the assembly approved',
  'error.code.budget_without_reserve':
    'The approved budget of {fiscal_year} has no reserve-fund contribution',
  'error.field.fromApprovedBudget': 'is read from the approved budget: give period instead',
  'error.code.bank_account_missing': 'The building has no {account} bank account',
  'error.code.call_without_recipient': 'Lot {unit_number} has nobody to receive its call',
  'error.code.call_numbers_exhausted': 'This building has 9999 calls',
  'error.msg.invalidCall': 'Invalid call for funds',
  'error.field.commStructured': 'is not a structured communication (+++ddd/dddd/ddddd+++)',
  'error.field.commCheckDigits': 'has wrong check digits (modulo 97)',
  'error.field.ibanInvalid': 'is not a valid IBAN',
  'error.field.bicInvalid': 'is not a valid BIC',
  'error.field.noLotCarries': 'no lot carries this amount',
  'error.field.lengthBetween': 'must have 1 to {max} characters',
  'error.field.resolutionRequired': 'is required: extraordinary works are voted by the assembly',
  'error.field.requiredWithoutBudget': 'is required without a budget',
  'error.field.beforeIssueDate': 'is before the issue date',
  'error.field.tooLong': 'is too long',
  'error.field.ownerOrCommunication': 'is required when the communication names no line of this building',
} as const satisfies Record<string, Message>

type CallsErrors = Record<keyof typeof callsErrorsEn, Message>

export const callsErrorsFr: CallsErrors = {
  'error.entity.CallForFunds': 'Appel de fonds',
  'error.entity.BankAccount': 'Compte bancaire',
  'error.code.budget_not_approved':
    'Pas de budget approuvé pour {fiscal_year} : les provisions sont appelées sur le budget approuvé par l’assemblée',
  'error.code.budget_without_reserve':
    'Le budget approuvé de {fiscal_year} ne prévoit pas de contribution au fonds de réserve',
  'error.field.fromApprovedBudget': 'est lu dans le budget approuvé : indiquez la période',
  'error.code.bank_account_missing': 'L’immeuble n’a pas de compte bancaire {account}',
  'error.code.call_without_recipient': 'Le lot {unit_number} n’a personne pour recevoir son appel',
  'error.code.call_numbers_exhausted': 'Cet immeuble a déjà 9999 appels',
  'error.msg.invalidCall': 'Appel de fonds invalide',
  'error.field.commStructured': 'n’est pas une communication structurée (+++ddd/dddd/ddddd+++)',
  'error.field.commCheckDigits': 'a des chiffres de contrôle erronés (modulo 97)',
  'error.field.ibanInvalid': 'n’est pas un IBAN valide',
  'error.field.bicInvalid': 'n’est pas un BIC valide',
  'error.field.noLotCarries': 'aucun lot ne porte ce montant',
  'error.field.lengthBetween': 'doit compter de 1 à {max} caractères',
  'error.field.resolutionRequired': 'est requis : les travaux extraordinaires sont votés par l’assemblée',
  'error.field.requiredWithoutBudget': 'est requis sans budget',
  'error.field.beforeIssueDate': 'est avant la date d’émission',
  'error.field.tooLong': 'est trop long',
  'error.field.ownerOrCommunication':
    'est requis quand la communication ne désigne aucune ligne de cet immeuble',
}

export const callsErrorsNl: CallsErrors = {
  'error.entity.CallForFunds': 'Opvraging van fondsen',
  'error.entity.BankAccount': 'Bankrekening',
  'error.code.budget_not_approved':
    'Geen goedgekeurde begroting voor {fiscal_year}: voorschotten worden opgevraagd op basis van de door de algemene vergadering goedgekeurde begroting',
  'error.code.budget_without_reserve':
    'De goedgekeurde begroting van {fiscal_year} bevat geen bijdrage aan het reservefonds',
  'error.field.fromApprovedBudget': 'wordt uit de goedgekeurde begroting gelezen: geef de periode op',
  'error.code.bank_account_missing': 'Het gebouw heeft geen bankrekening {account}',
  'error.code.call_without_recipient': 'Kavel {unit_number} heeft niemand om de opvraging te ontvangen',
  'error.code.call_numbers_exhausted': 'Dit gebouw heeft al 9999 opvragingen',
  'error.msg.invalidCall': 'Ongeldige opvraging van fondsen',
  'error.field.commStructured': 'is geen gestructureerde mededeling (+++ddd/dddd/ddddd+++)',
  'error.field.commCheckDigits': 'heeft verkeerde controlecijfers (modulo 97)',
  'error.field.ibanInvalid': 'is geen geldige IBAN',
  'error.field.bicInvalid': 'is geen geldige BIC',
  'error.field.noLotCarries': 'geen kavel draagt dit bedrag',
  'error.field.lengthBetween': 'moet 1 tot {max} tekens tellen',
  'error.field.resolutionRequired': 'is verplicht: buitengewone werken worden door de vergadering gestemd',
  'error.field.requiredWithoutBudget': 'is verplicht zonder begroting',
  'error.field.beforeIssueDate': 'ligt vóór de uitgiftedatum',
  'error.field.tooLong': 'is te lang',
  'error.field.ownerOrCommunication': 'is verplicht als de mededeling geen lijn van dit gebouw aanduidt',
}

export const callsErrorsDe: CallsErrors = {
  'error.entity.CallForFunds': 'Mittelabruf',
  'error.entity.BankAccount': 'Bankkonto',
  'error.code.budget_not_approved':
    'Kein genehmigter Haushalt für {fiscal_year}: Vorschüsse werden aus dem von der Versammlung genehmigten Haushalt angefordert',
  'error.code.budget_without_reserve':
    'Der genehmigte Haushalt {fiscal_year} enthält keinen Beitrag zur Rücklage',
  'error.field.fromApprovedBudget': 'wird aus dem genehmigten Haushalt gelesen: geben Sie den Zeitraum an',
  'error.code.bank_account_missing': 'Das Gebäude hat kein Bankkonto {account}',
  'error.code.call_without_recipient': 'Für Los {unit_number} gibt es keinen Empfänger des Abrufs',
  'error.code.call_numbers_exhausted': 'Dieses Gebäude hat bereits 9999 Abrufe',
  'error.msg.invalidCall': 'Ungültiger Mittelabruf',
  'error.field.commStructured': 'ist keine strukturierte Mitteilung (+++ddd/dddd/ddddd+++)',
  'error.field.commCheckDigits': 'hat falsche Prüfziffern (Modulo 97)',
  'error.field.ibanInvalid': 'ist keine gültige IBAN',
  'error.field.bicInvalid': 'ist keine gültige BIC',
  'error.field.noLotCarries': 'kein Los trägt diesen Betrag',
  'error.field.lengthBetween': 'muss 1 bis {max} Zeichen haben',
  'error.field.resolutionRequired': 'ist erforderlich: außerordentliche Arbeiten beschließt die Versammlung',
  'error.field.requiredWithoutBudget': 'ist ohne Budget erforderlich',
  'error.field.beforeIssueDate': 'liegt vor dem Ausstellungsdatum',
  'error.field.tooLong': 'ist zu lang',
  'error.field.ownerOrCommunication':
    'ist erforderlich, wenn die Mitteilung keine Zeile dieses Gebäudes nennt',
}
