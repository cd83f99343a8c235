// Texts of the year-end statement (décompte) PDF and its e-mail (ADR 0040), one block per
// language. `closingEn` defines the keys; the others must have them all.
export const closingEn = {
  'closing.statement.title': 'Statement of charges {year} — {building}',
  'closing.statement.file': 'statement-of-charges',
  'closing.statement.to': 'To: {name}',
  'closing.statement.building': 'Building: {building}',
  'closing.statement.period': 'Fiscal year from {from} to {to}',
  'closing.statement.key': 'Distribution key',
  'closing.statement.generalKey': 'General (quote-parts)',
  'closing.statement.amount': 'Your share',
  'closing.statement.charges': 'Your ordinary charges of the year',
  'closing.statement.provisions': 'Working-capital provisions called',
  'closing.statement.toPay': 'Regularisation to pay: {amount}',
  'closing.statement.toRefund': 'Regularisation in your favour: {amount}',
  'closing.statement.nothing': 'Regularisation: nothing to pay, nothing to refund',
  'closing.statement.carried':
    'It is carried into your owner account on {date} and settled with your next call for funds.',
  'closing.statement.extraordinary':
    'For information: your share of the extraordinary charges (works, financed by the reserve fund or voted calls): {amount}.',
  'closing.mail.subject': 'Statement of charges {year}: {building}',
  'closing.mail.intro':
    '{organization} closed the fiscal year {year} of {building}. Your statement: {result}.',
  'closing.mail.action': 'See it in the owner portal',
} as const

export type ClosingMessageKey = keyof typeof closingEn

export const closingFr: Record<ClosingMessageKey, string> = {
  'closing.statement.title': 'Décompte de charges {year} — {building}',
  'closing.statement.file': 'decompte-de-charges',
  'closing.statement.to': 'À : {name}',
  'closing.statement.building': 'Immeuble : {building}',
  'closing.statement.period': 'Exercice du {from} au {to}',
  'closing.statement.key': 'Clé de répartition',
  'closing.statement.generalKey': 'Générale (quotes-parts)',
  'closing.statement.amount': 'Votre part',
  'closing.statement.charges': 'Vos charges ordinaires de l’exercice',
  'closing.statement.provisions': 'Provisions appelées (fonds de roulement)',
  'closing.statement.toPay': 'Régularisation à payer : {amount}',
  'closing.statement.toRefund': 'Régularisation en votre faveur : {amount}',
  'closing.statement.nothing': 'Régularisation : rien à payer, rien à rembourser',
  'closing.statement.carried':
    'Elle est reportée sur votre compte de copropriétaire le {date} et réglée avec votre prochain appel de fonds.',
  'closing.statement.extraordinary':
    'Pour information : votre part des charges extraordinaires (travaux, financés par le fonds de réserve ou des appels votés) : {amount}.',
  'closing.mail.subject': 'Décompte de charges {year} : {building}',
  'closing.mail.intro':
    '{organization} a clôturé l’exercice {year} de {building}. Votre décompte : {result}.',
  'closing.mail.action': 'Le consulter dans l’espace copropriétaire',
}

export const closingNl: Record<ClosingMessageKey, string> = {
  'closing.statement.title': 'Afrekening van de lasten {year} — {building}',
  'closing.statement.file': 'afrekening-lasten',
  'closing.statement.to': 'Aan: {name}',
  'closing.statement.building': 'Gebouw: {building}',
  'closing.statement.period': 'Boekjaar van {from} tot {to}',
  'closing.statement.key': 'Verdeelsleutel',
  'closing.statement.generalKey': 'Algemeen (aandelen)',
  'closing.statement.amount': 'Uw aandeel',
  'closing.statement.charges': 'Uw gewone lasten van het boekjaar',
  'closing.statement.provisions': 'Opgevraagde provisies (werkkapitaal)',
  'closing.statement.toPay': 'Te betalen regularisatie: {amount}',
  'closing.statement.toRefund': 'Regularisatie in uw voordeel: {amount}',
  'closing.statement.nothing': 'Regularisatie: niets te betalen, niets terug te betalen',
  'closing.statement.carried':
    'Ze wordt op {date} op uw rekening als mede-eigenaar geboekt en met uw volgende opvraging vereffend.',
  'closing.statement.extraordinary':
    'Ter informatie: uw aandeel in de buitengewone lasten (werken, gefinancierd door het reservekapitaal of gestemde opvragingen): {amount}.',
  'closing.mail.subject': 'Afrekening van de lasten {year}: {building}',
  'closing.mail.intro':
    '{organization} heeft het boekjaar {year} van {building} afgesloten. Uw afrekening: {result}.',
  'closing.mail.action': 'Bekijk ze in het portaal voor mede-eigenaars',
}

export const closingDe: Record<ClosingMessageKey, string> = {
  'closing.statement.title': 'Nebenkostenabrechnung {year} — {building}',
  'closing.statement.file': 'nebenkostenabrechnung',
  'closing.statement.to': 'An: {name}',
  'closing.statement.building': 'Gebäude: {building}',
  'closing.statement.period': 'Geschäftsjahr vom {from} bis {to}',
  'closing.statement.key': 'Verteilerschlüssel',
  'closing.statement.generalKey': 'Allgemein (Anteile)',
  'closing.statement.amount': 'Ihr Anteil',
  'closing.statement.charges': 'Ihre gewöhnlichen Lasten des Jahres',
  'closing.statement.provisions': 'Angeforderte Vorschüsse (Betriebskapital)',
  'closing.statement.toPay': 'Zu zahlender Ausgleich: {amount}',
  'closing.statement.toRefund': 'Ausgleich zu Ihren Gunsten: {amount}',
  'closing.statement.nothing': 'Ausgleich: nichts zu zahlen, nichts zu erstatten',
  'closing.statement.carried':
    'Er wird am {date} auf Ihr Miteigentümerkonto gebucht und mit Ihrer nächsten Anforderung verrechnet.',
  'closing.statement.extraordinary':
    'Zur Information: Ihr Anteil an den außergewöhnlichen Lasten (Arbeiten, aus dem Reservefonds oder beschlossenen Anforderungen finanziert): {amount}.',
  'closing.mail.subject': 'Nebenkostenabrechnung {year}: {building}',
  'closing.mail.intro':
    '{organization} hat das Geschäftsjahr {year} von {building} abgeschlossen. Ihre Abrechnung: {result}.',
  'closing.mail.action': 'Im Miteigentümerportal ansehen',
}

export const CLOSING_MESSAGES = { en: closingEn, fr: closingFr, nl: closingNl, de: closingDe } as const

export function closingText(
  language: keyof typeof CLOSING_MESSAGES,
  key: ClosingMessageKey,
  values: Readonly<Record<string, string>> = {},
): string {
  return CLOSING_MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}
