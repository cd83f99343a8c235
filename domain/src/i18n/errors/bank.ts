// Error texts of bank statements and matching (ADR 0038), spread into each language's catalogue
// with one line.
import type { Message } from '../plural.ts'

export const bankErrorsEn = {
  'error.entity.BankStatement': 'Bank statement',
  'error.entity.BankMovement': 'Bank movement',
  'error.entity.OwnerPayment': 'Owner payment',
  'error.code.bank_movement_already_matched': 'This bank movement is already matched',
  'error.code.bank_import_concurrent':
    'Another import of these movements is under way: try again in a moment',
  'error.code.bank_movement_not_matched': 'This bank movement is not matched',
  'error.code.bank_match_expense_paid':
    'This movement paid an expense: correct the expense with a credit note instead',
  'error.field.requiredOutgoing': 'is required for an outgoing movement',
  'error.field.requiredIncoming': 'is required for an incoming movement',
  'error.field.bankAccountUnknown':
    'account {iban} is not a bank account of this building (set it under bank accounts first)',
  'error.field.statementUnbalanced': 'old balance {old} + movements {sum} ≠ new balance {new} (cents)',
  'error.field.batchUnbalanced': "the batch's details sum to {sum}, not its total {total} (cents)",
  'error.field.lineNotOwners': "names a line that is not this owner's: {line}",
  'error.msg.statementFormat': 'The file is neither a CODA statement nor camt.053 XML',
  'error.msg.statementDoctype': 'A camt.053 file has no DOCTYPE',
  'error.msg.statementXml': 'The XML is not well-formed ({where}: {reason}); nothing was imported',
  'error.msg.statementRefused':
    'The bank statement file is refused ({where}: {reason}); nothing was imported',
  'error.field.notAllowed': 'is not allowed',
} as const satisfies Record<string, Message>

type BankErrors = Record<keyof typeof bankErrorsEn, Message>

export const bankErrorsFr: BankErrors = {
  'error.entity.BankStatement': 'Extrait bancaire',
  'error.entity.BankMovement': 'Mouvement bancaire',
  'error.entity.OwnerPayment': 'Paiement du copropriétaire',
  'error.code.bank_movement_already_matched': 'Ce mouvement bancaire est déjà rapproché',
  'error.code.bank_import_concurrent':
    'Un autre import de ces mouvements est en cours : réessayez dans un instant',
  'error.code.bank_movement_not_matched': 'Ce mouvement bancaire n’est pas rapproché',
  'error.code.bank_match_expense_paid':
    'Ce mouvement a payé une dépense : corrigez la dépense par une note de crédit',
  'error.field.requiredOutgoing': 'est obligatoire pour un mouvement sortant',
  'error.field.requiredIncoming': 'est obligatoire pour un mouvement entrant',
  'error.field.bankAccountUnknown':
    'le compte {iban} n’est pas un compte bancaire de cet immeuble (ajoutez-le d’abord aux comptes bancaires)',
  'error.field.statementUnbalanced': 'ancien solde {old} + mouvements {sum} ≠ nouveau solde {new} (centimes)',
  'error.field.batchUnbalanced': 'les détails du lot totalisent {sum}, pas son total {total} (centimes)',
  'error.field.lineNotOwners': 'désigne une ligne qui n’est pas de ce copropriétaire : {line}',
  'error.msg.statementFormat': 'Le fichier n’est ni un extrait CODA ni un XML camt.053',
  'error.msg.statementDoctype': 'Un fichier camt.053 n’a pas de DOCTYPE',
  'error.msg.statementXml': 'Le XML est mal formé ({where} : {reason}) ; rien n’a été importé',
  'error.msg.statementRefused':
    'Le fichier d’extraits est refusé ({where} : {reason}) ; rien n’a été importé',
  'error.field.notAllowed': 'n’est pas autorisé',
}

export const bankErrorsNl: BankErrors = {
  'error.entity.BankStatement': 'Rekeninguittreksel',
  'error.entity.BankMovement': 'Bankverrichting',
  'error.entity.OwnerPayment': 'Betaling van de mede-eigenaar',
  'error.code.bank_movement_already_matched': 'Deze bankverrichting is al afgestemd',
  'error.code.bank_import_concurrent':
    'Een andere import van deze verrichtingen is bezig: probeer het zo meteen opnieuw',
  'error.code.bank_movement_not_matched': 'Deze bankverrichting is niet afgestemd',
  'error.code.bank_match_expense_paid':
    'Deze verrichting betaalde een uitgave: corrigeer de uitgave met een creditnota',
  'error.field.requiredOutgoing': 'is verplicht voor een uitgaande verrichting',
  'error.field.requiredIncoming': 'is verplicht voor een inkomende verrichting',
  'error.field.bankAccountUnknown':
    'rekening {iban} is geen bankrekening van dit gebouw (voeg ze eerst toe bij de bankrekeningen)',
  'error.field.statementUnbalanced': 'oud saldo {old} + verrichtingen {sum} ≠ nieuw saldo {new} (cent)',
  'error.field.batchUnbalanced':
    'de details van de groepering tellen op tot {sum}, niet het totaal {total} (cent)',
  'error.field.lineNotOwners': 'noemt een lijn die niet van deze mede-eigenaar is: {line}',
  'error.msg.statementFormat': 'Het bestand is geen CODA-uittreksel en geen camt.053-XML',
  'error.msg.statementDoctype': 'Een camt.053-bestand heeft geen DOCTYPE',
  'error.msg.statementXml': 'De XML is niet goed gevormd ({where}: {reason}); er werd niets ingelezen',
  'error.msg.statementRefused':
    'Het uittrekselbestand is geweigerd ({where}: {reason}); er werd niets ingelezen',
  'error.field.notAllowed': 'is niet toegestaan',
}

export const bankErrorsDe: BankErrors = {
  'error.entity.BankStatement': 'Kontoauszug',
  'error.entity.BankMovement': 'Kontobewegung',
  'error.entity.OwnerPayment': 'Zahlung des Miteigentümers',
  'error.code.bank_movement_already_matched': 'Diese Kontobewegung ist bereits zugeordnet',
  'error.code.bank_import_concurrent':
    'Ein anderer Import dieser Bewegungen läuft gerade: versuchen Sie es gleich noch einmal',
  'error.code.bank_movement_not_matched': 'Diese Kontobewegung ist nicht zugeordnet',
  'error.code.bank_match_expense_paid':
    'Diese Bewegung hat eine Ausgabe bezahlt: korrigieren Sie die Ausgabe mit einer Gutschrift',
  'error.field.requiredOutgoing': 'ist für eine ausgehende Bewegung erforderlich',
  'error.field.requiredIncoming': 'ist für eine eingehende Bewegung erforderlich',
  'error.field.bankAccountUnknown':
    'Konto {iban} ist kein Bankkonto dieses Gebäudes (zuerst unter Bankkonten erfassen)',
  'error.field.statementUnbalanced': 'alter Saldo {old} + Bewegungen {sum} ≠ neuer Saldo {new} (Cent)',
  'error.field.batchUnbalanced':
    'die Einzelposten der Sammelbuchung ergeben {sum}, nicht ihre Summe {total} (Cent)',
  'error.field.lineNotOwners': 'nennt eine Zeile, die nicht diesem Miteigentümer gehört: {line}',
  'error.msg.statementFormat': 'Die Datei ist weder ein CODA-Auszug noch camt.053-XML',
  'error.msg.statementDoctype': 'Eine camt.053-Datei hat keinen DOCTYPE',
  'error.msg.statementXml': 'Das XML ist nicht wohlgeformt ({where}: {reason}); nichts wurde importiert',
  'error.msg.statementRefused':
    'Die Auszugsdatei wird abgelehnt ({where}: {reason}); nichts wurde importiert',
  'error.field.notAllowed': 'ist nicht erlaubt',
}
