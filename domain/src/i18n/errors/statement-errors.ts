// Why a bank statement file (CODA 2.x, camt.053) is refused, one text per code in four languages
// (issue #16). The readers (bank/coda.ts, bank/camt053.ts) raise issues as a code and its params
// — the line or element, what was expected and what was found — and the error mapper renders
// `error.field.<code>` in the reader's language; a `{field}` param names a part of the record,
// shown with its `error.part.<field>` text. The file's refusal itself (`error.msg.<code>`) names
// the line and quotes its first issue.
import type { Message } from '../plural.ts'

export const statementErrorsEn = {
  'error.msg.statementXmlAt':
    'The XML is not well-formed (line {line}, column {column}: {reason}); nothing was imported',
  'error.msg.statementRefusedPlain': 'The bank statement file is refused; nothing was imported',
  'error.msg.statementRefusedLine':
    'The bank statement file is refused (line {line}: {reason}); nothing was imported',
  'error.msg.statementRefusedAt':
    'The bank statement file is refused ({where}: {reason}); nothing was imported',
  'error.part.creationDate': 'creation date',
  'error.part.oldBalance': 'old balance',
  'error.part.oldBalanceDate': 'old balance date',
  'error.part.statementNumber': 'statement number',
  'error.part.sequenceNumber': 'sequence number',
  'error.part.detailNumber': 'detail number',
  'error.part.amount': 'amount',
  'error.part.valueDate': 'value date',
  'error.part.entryDate': 'entry date',
  'error.part.newBalance': 'new balance',
  'error.part.newBalanceDate': 'new balance date',
  'error.part.recordCount': 'record count',
  'error.part.debitTotal': 'debit total',
  'error.part.creditTotal': 'credit total',
  'error.field.codaEmpty': 'the file is empty',
  'error.field.codaRecordLength': 'a record has {expected} characters, this one {actual}',
  'error.field.codaNotNumeric': '{field} (positions {from}-{to}) is not numeric: "{actual}"',
  'error.field.codaSign': '{field} sign (position {at}) must be 0 or 1',
  'error.field.codaFraction': '{field} has a fraction of a cent',
  'error.field.codaDate': '{field} (positions {from}-{to}) is not a date DDMMYY: "{actual}"',
  'error.field.codaBban': 'Belgian account number is not 12 digits: "{actual}"',
  'error.field.codaAccountStructure': 'account structure (position 2) must be 0, 1, 2 or 3, not "{actual}"',
  'error.field.codaContinuationMissing':
    'record {record} found where the previous record announced a continuation',
  'error.field.codaHeaderPlace': 'header record 0 out of place',
  'error.field.codaVersion': 'version code (position 128) is "{actual}": only CODA 2.x is read',
  'error.field.codaOldBalancePlace': 'old balance record 1 must follow the header 0',
  'error.field.statementCurrency': 'currency "{actual}": only EUR accounts are read',
  'error.field.codaOutsideStatement': 'record {record} outside a statement (after 1, before 8)',
  'error.field.codaContinuationDue':
    'record {record} where a continuation of the previous record was announced',
  'error.field.codaInformationUnannounced':
    'information record 3.1 not announced by its movement (link code, sequence)',
  'error.field.codaInformationDue': 'record 2.1 where an information record 3.1 was announced',
  'error.field.codaUnannounced':
    'record {record} is not announced by the previous record (next code, sequence)',
  'error.field.codaUnknownRecord': 'unknown record {record}',
  'error.field.codaSequenceOrder': 'sequence number {actual} does not follow {previous}',
  'error.field.codaDetailElsewhere':
    'detail {detail} of sequence {actual} does not belong to movement {expected}',
  'error.field.codaNoMovement':
    'record {record} belongs to no movement of sequence {sequence}, detail {detail}',
  'error.field.codaStructureCode': 'communication structure (position 40) must be 0 or 1, not "{actual}"',
  'error.field.codaNextLink': 'next code (126) and link code (128) must be 0 or 1',
  'error.field.codaLastNext': 'record {record} is the last of its kind: its next code must be 0',
  'error.field.codaFreePlace': 'free communication record 4 outside a statement',
  'error.field.codaLink': 'link code (128) must be 0 or 1',
  'error.field.codaNewBalancePlace': 'new balance record 8 out of place',
  'error.field.codaAccountDiffers': "account {actual} differs from the old balance's {expected}",
  'error.field.codaNumberDiffers': "statement number {actual} differs from the old balance's {expected}",
  'error.field.codaTrailerPlace': 'trailer record 9 must follow the new balance 8',
  'error.field.codaTrailerCount': 'the trailer counts {actual} records, the statement has {expected}',
  'error.field.codaTrailerTotals':
    "the trailer's totals (debit {debit}, credit {credit} cents) differ from the movements' (debit {expectedDebit}, credit {expectedCredit})",
  'error.field.codaUnknownType': 'unknown record type "{actual}"',
  'error.field.codaTruncated': 'the file ends before the trailer record 9',
  'error.field.camtMissing': 'is missing',
  'error.field.camtNotStatement': 'is missing: not a camt.053 statement',
  'error.field.camtAmount': '"{actual}" is not an amount with at most two decimals',
  'error.field.camtIndicator': 'must be CRDT or DBIT, not "{actual}"',
  'error.field.camtCurrency': 'currency "{actual}": only EUR is read',
  'error.field.camtDate': 'is not a date: "{actual}"',
  'error.field.camtNoOpening': 'no opening balance (OPBD or PRCD)',
  'error.field.camtNoClosing': 'no closing balance (CLBD)',
  'error.field.camtBatchAmount': 'is missing (a batch detail needs its amount)',
} as const satisfies Record<string, Message>

export type StatementErrorKey = keyof typeof statementErrorsEn
type StatementErrors = Record<StatementErrorKey, Message>

export const statementErrorsFr: StatementErrors = {
  'error.msg.statementXmlAt':
    'Le XML est mal formé (ligne {line}, colonne {column} : {reason}) ; rien n’a été importé',
  'error.msg.statementRefusedPlain': 'Le fichier d’extraits est refusé ; rien n’a été importé',
  'error.msg.statementRefusedLine':
    'Le fichier d’extraits est refusé (ligne {line} : {reason}) ; rien n’a été importé',
  'error.msg.statementRefusedAt':
    'Le fichier d’extraits est refusé ({where} : {reason}) ; rien n’a été importé',
  'error.part.creationDate': 'la date de création',
  'error.part.oldBalance': 'l’ancien solde',
  'error.part.oldBalanceDate': 'la date de l’ancien solde',
  'error.part.statementNumber': 'le numéro d’extrait',
  'error.part.sequenceNumber': 'le numéro de séquence',
  'error.part.detailNumber': 'le numéro de détail',
  'error.part.amount': 'le montant',
  'error.part.valueDate': 'la date valeur',
  'error.part.entryDate': 'la date de comptabilisation',
  'error.part.newBalance': 'le nouveau solde',
  'error.part.newBalanceDate': 'la date du nouveau solde',
  'error.part.recordCount': 'le nombre d’enregistrements',
  'error.part.debitTotal': 'le total des débits',
  'error.part.creditTotal': 'le total des crédits',
  'error.field.codaEmpty': 'le fichier est vide',
  'error.field.codaRecordLength': 'un enregistrement compte {expected} caractères, celui-ci {actual}',
  'error.field.codaNotNumeric': '{field} (positions {from}-{to}) n’est pas numérique : « {actual} »',
  'error.field.codaSign': 'le signe de {field} (position {at}) doit être 0 ou 1',
  'error.field.codaFraction': '{field} contient une fraction de centime',
  'error.field.codaDate': '{field} (positions {from}-{to}) n’est pas une date JJMMAA : « {actual} »',
  'error.field.codaBban': 'le numéro de compte belge n’a pas 12 chiffres : « {actual} »',
  'error.field.codaAccountStructure':
    'la structure du compte (position 2) doit être 0, 1, 2 ou 3, pas « {actual} »',
  'error.field.codaContinuationMissing':
    'enregistrement {record} trouvé là où l’enregistrement précédent annonçait une suite',
  'error.field.codaHeaderPlace': 'l’enregistrement d’en-tête 0 n’est pas à sa place',
  'error.field.codaVersion': 'le code de version (position 128) est « {actual} » : seul CODA 2.x est lu',
  'error.field.codaOldBalancePlace': 'l’enregistrement d’ancien solde 1 doit suivre l’en-tête 0',
  'error.field.statementCurrency': 'devise « {actual} » : seuls les comptes en EUR sont lus',
  'error.field.codaOutsideStatement': 'enregistrement {record} hors d’un extrait (après 1, avant 8)',
  'error.field.codaContinuationDue':
    'enregistrement {record} là où une suite de l’enregistrement précédent était annoncée',
  'error.field.codaInformationUnannounced':
    'enregistrement d’information 3.1 non annoncé par son mouvement (code de liaison, séquence)',
  'error.field.codaInformationDue':
    'enregistrement 2.1 là où un enregistrement d’information 3.1 était annoncé',
  'error.field.codaUnannounced':
    'l’enregistrement {record} n’est pas annoncé par l’enregistrement précédent (code suite, séquence)',
  'error.field.codaUnknownRecord': 'enregistrement {record} inconnu',
  'error.field.codaSequenceOrder': 'le numéro de séquence {actual} ne suit pas {previous}',
  'error.field.codaDetailElsewhere':
    'le détail {detail} de la séquence {actual} n’appartient pas au mouvement {expected}',
  'error.field.codaNoMovement':
    'l’enregistrement {record} n’appartient à aucun mouvement de séquence {sequence}, détail {detail}',
  'error.field.codaStructureCode':
    'la structure de la communication (position 40) doit être 0 ou 1, pas « {actual} »',
  'error.field.codaNextLink': 'le code suite (126) et le code de liaison (128) doivent être 0 ou 1',
  'error.field.codaLastNext':
    'l’enregistrement {record} est le dernier de son type : son code suite doit être 0',
  'error.field.codaFreePlace': 'enregistrement de communication libre 4 hors d’un extrait',
  'error.field.codaLink': 'le code de liaison (128) doit être 0 ou 1',
  'error.field.codaNewBalancePlace': 'l’enregistrement de nouveau solde 8 n’est pas à sa place',
  'error.field.codaAccountDiffers': 'le compte {actual} diffère de celui de l’ancien solde, {expected}',
  'error.field.codaNumberDiffers':
    'le numéro d’extrait {actual} diffère de celui de l’ancien solde, {expected}',
  'error.field.codaTrailerPlace': 'l’enregistrement final 9 doit suivre le nouveau solde 8',
  'error.field.codaTrailerCount':
    'l’enregistrement final compte {actual} enregistrements, l’extrait {expected}',
  'error.field.codaTrailerTotals':
    'les totaux de l’enregistrement final (débit {debit}, crédit {credit} centimes) diffèrent de ceux des mouvements (débit {expectedDebit}, crédit {expectedCredit})',
  'error.field.codaUnknownType': 'type d’enregistrement inconnu « {actual} »',
  'error.field.codaTruncated': 'le fichier se termine avant l’enregistrement final 9',
  'error.field.camtMissing': 'est absent',
  'error.field.camtNotStatement': 'est absent : ce n’est pas un extrait camt.053',
  'error.field.camtAmount': '« {actual} » n’est pas un montant à deux décimales au plus',
  'error.field.camtIndicator': 'doit être CRDT ou DBIT, pas « {actual} »',
  'error.field.camtCurrency': 'devise « {actual} » : seul l’EUR est lu',
  'error.field.camtDate': 'n’est pas une date : « {actual} »',
  'error.field.camtNoOpening': 'pas de solde d’ouverture (OPBD ou PRCD)',
  'error.field.camtNoClosing': 'pas de solde de clôture (CLBD)',
  'error.field.camtBatchAmount': 'est absent (un détail de lot a besoin de son montant)',
}

export const statementErrorsNl: StatementErrors = {
  'error.msg.statementXmlAt':
    'De XML is niet goed gevormd (regel {line}, kolom {column}: {reason}); er werd niets ingelezen',
  'error.msg.statementRefusedPlain': 'Het uittrekselbestand is geweigerd; er werd niets ingelezen',
  'error.msg.statementRefusedLine':
    'Het uittrekselbestand is geweigerd (regel {line}: {reason}); er werd niets ingelezen',
  'error.msg.statementRefusedAt':
    'Het uittrekselbestand is geweigerd ({where}: {reason}); er werd niets ingelezen',
  'error.part.creationDate': 'de aanmaakdatum',
  'error.part.oldBalance': 'het oud saldo',
  'error.part.oldBalanceDate': 'de datum van het oud saldo',
  'error.part.statementNumber': 'het uittrekselnummer',
  'error.part.sequenceNumber': 'het volgnummer',
  'error.part.detailNumber': 'het detailnummer',
  'error.part.amount': 'het bedrag',
  'error.part.valueDate': 'de valutadatum',
  'error.part.entryDate': 'de boekingsdatum',
  'error.part.newBalance': 'het nieuw saldo',
  'error.part.newBalanceDate': 'de datum van het nieuw saldo',
  'error.part.recordCount': 'het aantal records',
  'error.part.debitTotal': 'het debettotaal',
  'error.part.creditTotal': 'het credittotaal',
  'error.field.codaEmpty': 'het bestand is leeg',
  'error.field.codaRecordLength': 'een record telt {expected} tekens, dit {actual}',
  'error.field.codaNotNumeric': '{field} (posities {from}-{to}) is niet numeriek: "{actual}"',
  'error.field.codaSign': 'het teken van {field} (positie {at}) moet 0 of 1 zijn',
  'error.field.codaFraction': '{field} bevat een fractie van een cent',
  'error.field.codaDate': '{field} (posities {from}-{to}) is geen datum DDMMJJ: "{actual}"',
  'error.field.codaBban': 'het Belgische rekeningnummer telt geen 12 cijfers: "{actual}"',
  'error.field.codaAccountStructure':
    'de rekeningstructuur (positie 2) moet 0, 1, 2 of 3 zijn, niet "{actual}"',
  'error.field.codaContinuationMissing':
    'record {record} gevonden waar het vorige record een vervolg aankondigde',
  'error.field.codaHeaderPlace': 'het beginrecord 0 staat niet op zijn plaats',
  'error.field.codaVersion': 'de versiecode (positie 128) is "{actual}": alleen CODA 2.x wordt gelezen',
  'error.field.codaOldBalancePlace': 'het record oud saldo 1 moet op het beginrecord 0 volgen',
  'error.field.statementCurrency': 'munt "{actual}": alleen rekeningen in EUR worden gelezen',
  'error.field.codaOutsideStatement': 'record {record} buiten een uittreksel (na 1, vóór 8)',
  'error.field.codaContinuationDue':
    'record {record} waar een vervolg van het vorige record was aangekondigd',
  'error.field.codaInformationUnannounced':
    'informatierecord 3.1 niet aangekondigd door zijn beweging (koppelingscode, volgnummer)',
  'error.field.codaInformationDue': 'record 2.1 waar een informatierecord 3.1 was aangekondigd',
  'error.field.codaUnannounced':
    'record {record} is niet aangekondigd door het vorige record (volgcode, volgnummer)',
  'error.field.codaUnknownRecord': 'onbekend record {record}',
  'error.field.codaSequenceOrder': 'volgnummer {actual} volgt niet op {previous}',
  'error.field.codaDetailElsewhere':
    'detail {detail} van volgnummer {actual} hoort niet bij beweging {expected}',
  'error.field.codaNoMovement':
    'record {record} hoort bij geen beweging met volgnummer {sequence}, detail {detail}',
  'error.field.codaStructureCode':
    'de structuur van de mededeling (positie 40) moet 0 of 1 zijn, niet "{actual}"',
  'error.field.codaNextLink': 'de volgcode (126) en de koppelingscode (128) moeten 0 of 1 zijn',
  'error.field.codaLastNext': 'record {record} is het laatste van zijn soort: zijn volgcode moet 0 zijn',
  'error.field.codaFreePlace': 'record vrije mededeling 4 buiten een uittreksel',
  'error.field.codaLink': 'de koppelingscode (128) moet 0 of 1 zijn',
  'error.field.codaNewBalancePlace': 'het record nieuw saldo 8 staat niet op zijn plaats',
  'error.field.codaAccountDiffers': 'rekening {actual} verschilt van die van het oud saldo, {expected}',
  'error.field.codaNumberDiffers':
    'uittrekselnummer {actual} verschilt van dat van het oud saldo, {expected}',
  'error.field.codaTrailerPlace': 'het eindrecord 9 moet op het nieuw saldo 8 volgen',
  'error.field.codaTrailerCount': 'het eindrecord telt {actual} records, het uittreksel {expected}',
  'error.field.codaTrailerTotals':
    'de totalen van het eindrecord (debet {debit}, credit {credit} cent) verschillen van die van de bewegingen (debet {expectedDebit}, credit {expectedCredit})',
  'error.field.codaUnknownType': 'onbekend recordtype "{actual}"',
  'error.field.codaTruncated': 'het bestand eindigt vóór het eindrecord 9',
  'error.field.camtMissing': 'ontbreekt',
  'error.field.camtNotStatement': 'ontbreekt: geen camt.053-uittreksel',
  'error.field.camtAmount': '"{actual}" is geen bedrag met hoogstens twee decimalen',
  'error.field.camtIndicator': 'moet CRDT of DBIT zijn, niet "{actual}"',
  'error.field.camtCurrency': 'munt "{actual}": alleen EUR wordt gelezen',
  'error.field.camtDate': 'is geen datum: "{actual}"',
  'error.field.camtNoOpening': 'geen beginsaldo (OPBD of PRCD)',
  'error.field.camtNoClosing': 'geen eindsaldo (CLBD)',
  'error.field.camtBatchAmount': 'ontbreekt (een detail van een groepering heeft zijn bedrag nodig)',
}

export const statementErrorsDe: StatementErrors = {
  'error.msg.statementXmlAt':
    'Das XML ist nicht wohlgeformt (Zeile {line}, Spalte {column}: {reason}); nichts wurde importiert',
  'error.msg.statementRefusedPlain': 'Die Auszugsdatei wird abgelehnt; nichts wurde importiert',
  'error.msg.statementRefusedLine':
    'Die Auszugsdatei wird abgelehnt (Zeile {line}: {reason}); nichts wurde importiert',
  'error.msg.statementRefusedAt':
    'Die Auszugsdatei wird abgelehnt ({where}: {reason}); nichts wurde importiert',
  'error.part.creationDate': 'das Erstellungsdatum',
  'error.part.oldBalance': 'der alte Saldo',
  'error.part.oldBalanceDate': 'das Datum des alten Saldos',
  'error.part.statementNumber': 'die Auszugsnummer',
  'error.part.sequenceNumber': 'die Folgenummer',
  'error.part.detailNumber': 'die Detailnummer',
  'error.part.amount': 'der Betrag',
  'error.part.valueDate': 'das Valutadatum',
  'error.part.entryDate': 'das Buchungsdatum',
  'error.part.newBalance': 'der neue Saldo',
  'error.part.newBalanceDate': 'das Datum des neuen Saldos',
  'error.part.recordCount': 'die Anzahl der Sätze',
  'error.part.debitTotal': 'die Soll-Summe',
  'error.part.creditTotal': 'die Haben-Summe',
  'error.field.codaEmpty': 'die Datei ist leer',
  'error.field.codaRecordLength': 'ein Satz hat {expected} Zeichen, dieser {actual}',
  'error.field.codaNotNumeric': '{field} (Positionen {from}-{to}) ist nicht numerisch: „{actual}“',
  'error.field.codaSign': 'das Vorzeichen von {field} (Position {at}) muss 0 oder 1 sein',
  'error.field.codaFraction': '{field} enthält einen Bruchteil eines Cents',
  'error.field.codaDate': '{field} (Positionen {from}-{to}) ist kein Datum TTMMJJ: „{actual}“',
  'error.field.codaBban': 'die belgische Kontonummer hat nicht 12 Ziffern: „{actual}“',
  'error.field.codaAccountStructure':
    'die Kontostruktur (Position 2) muss 0, 1, 2 oder 3 sein, nicht „{actual}“',
  'error.field.codaContinuationMissing':
    'Satz {record} gefunden, wo der vorige Satz eine Fortsetzung ankündigte',
  'error.field.codaHeaderPlace': 'der Kopfsatz 0 steht nicht an seinem Platz',
  'error.field.codaVersion': 'der Versionscode (Position 128) ist „{actual}“: nur CODA 2.x wird gelesen',
  'error.field.codaOldBalancePlace': 'der Satz alter Saldo 1 muss auf den Kopfsatz 0 folgen',
  'error.field.statementCurrency': 'Währung „{actual}“: nur Konten in EUR werden gelesen',
  'error.field.codaOutsideStatement': 'Satz {record} außerhalb eines Auszugs (nach 1, vor 8)',
  'error.field.codaContinuationDue': 'Satz {record}, wo eine Fortsetzung des vorigen Satzes angekündigt war',
  'error.field.codaInformationUnannounced':
    'Informationssatz 3.1 nicht von seiner Bewegung angekündigt (Verknüpfungscode, Folgenummer)',
  'error.field.codaInformationDue': 'Satz 2.1, wo ein Informationssatz 3.1 angekündigt war',
  'error.field.codaUnannounced':
    'Satz {record} ist nicht vom vorigen Satz angekündigt (Folgecode, Folgenummer)',
  'error.field.codaUnknownRecord': 'unbekannter Satz {record}',
  'error.field.codaSequenceOrder': 'die Folgenummer {actual} folgt nicht auf {previous}',
  'error.field.codaDetailElsewhere':
    'Detail {detail} der Folgenummer {actual} gehört nicht zu Bewegung {expected}',
  'error.field.codaNoMovement':
    'Satz {record} gehört zu keiner Bewegung mit Folgenummer {sequence}, Detail {detail}',
  'error.field.codaStructureCode':
    'die Struktur der Mitteilung (Position 40) muss 0 oder 1 sein, nicht „{actual}“',
  'error.field.codaNextLink': 'der Folgecode (126) und der Verknüpfungscode (128) müssen 0 oder 1 sein',
  'error.field.codaLastNext': 'Satz {record} ist der letzte seiner Art: sein Folgecode muss 0 sein',
  'error.field.codaFreePlace': 'Satz freie Mitteilung 4 außerhalb eines Auszugs',
  'error.field.codaLink': 'der Verknüpfungscode (128) muss 0 oder 1 sein',
  'error.field.codaNewBalancePlace': 'der Satz neuer Saldo 8 steht nicht an seinem Platz',
  'error.field.codaAccountDiffers': 'Konto {actual} weicht von dem des alten Saldos ab, {expected}',
  'error.field.codaNumberDiffers': 'Auszugsnummer {actual} weicht von der des alten Saldos ab, {expected}',
  'error.field.codaTrailerPlace': 'der Schlusssatz 9 muss auf den neuen Saldo 8 folgen',
  'error.field.codaTrailerCount': 'der Schlusssatz zählt {actual} Sätze, der Auszug {expected}',
  'error.field.codaTrailerTotals':
    'die Summen des Schlusssatzes (Soll {debit}, Haben {credit} Cent) weichen von denen der Bewegungen ab (Soll {expectedDebit}, Haben {expectedCredit})',
  'error.field.codaUnknownType': 'unbekannter Satztyp „{actual}“',
  'error.field.codaTruncated': 'die Datei endet vor dem Schlusssatz 9',
  'error.field.camtMissing': 'fehlt',
  'error.field.camtNotStatement': 'fehlt: kein camt.053-Auszug',
  'error.field.camtAmount': '„{actual}“ ist kein Betrag mit höchstens zwei Dezimalstellen',
  'error.field.camtIndicator': 'muss CRDT oder DBIT sein, nicht „{actual}“',
  'error.field.camtCurrency': 'Währung „{actual}“: nur EUR wird gelesen',
  'error.field.camtDate': 'ist kein Datum: „{actual}“',
  'error.field.camtNoOpening': 'kein Anfangssaldo (OPBD oder PRCD)',
  'error.field.camtNoClosing': 'kein Schlusssaldo (CLBD)',
  'error.field.camtBatchAmount': 'fehlt (ein Detail einer Sammelbuchung braucht seinen Betrag)',
}
