// Texts of the call-for-funds letter (PDF) and its e-mail, one block per language side by side.
// `callsEn` defines the keys; the others must have them all. Shared by the server and the web.
export const callsEn = {
  'calls.letter.title': 'Call for funds no. {number} — {label}',
  'calls.letter.file': 'call-for-funds',
  'calls.letter.to': 'To: {name}',
  'calls.letter.building': 'Building: {building}',
  'calls.letter.lot': 'Lot: {lot}',
  'calls.letter.kind.provision': 'Provision for the working capital (Civil Code art. 3.86 §3)',
  'calls.letter.kind.reserve': 'Contribution to the reserve fund (Civil Code art. 3.86 §3)',
  'calls.letter.kind.extraordinary':
    'Extraordinary call for works voted by the general assembly ({resolution})',
  'calls.letter.forwardOwed':
    'Balance brought forward on your account (earlier calls, charges and year-end regularisations): {amount} still to pay, in addition to this call.',
  'calls.letter.forwardCredit':
    'Balance brought forward on your account (earlier calls, charges and year-end regularisations): {amount} in your favour, which you may deduct from this call.',
  'calls.letter.amount': 'Amount to pay: {amount}',
  'calls.letter.due': 'Due date: {date}',
  'calls.letter.payTo':
    'Please transfer it to {holder}, IBAN {iban}{bic}, with the structured communication {communication}.',
  'calls.letter.qr':
    'Scan with your banking app to pay (EPC QR code: IBAN, amount and communication filled in).',
  'calls.letter.issued': 'Issued on {date}.',
  'calls.mail.subject': 'Call for funds no. {number}: {amount} due on {date}',
  'calls.mail.intro': '{organization} issued a call for funds for your lot {lot}: {label}.',
  'calls.mail.details':
    'Amount {amount}, due on {date}, to IBAN {iban} with the communication {communication}.',
  'calls.mail.action': 'See it and pay in the owner portal',
} as const

export type CallsMessageKey = keyof typeof callsEn

export const callsFr: Record<CallsMessageKey, string> = {
  'calls.letter.title': 'Appel de fonds n° {number} — {label}',
  'calls.letter.file': 'appel-de-fonds',
  'calls.letter.to': 'À : {name}',
  'calls.letter.building': 'Immeuble : {building}',
  'calls.letter.lot': 'Lot : {lot}',
  'calls.letter.kind.provision': 'Provision pour le fonds de roulement (Code civil art. 3.86 §3)',
  'calls.letter.kind.reserve': 'Contribution au fonds de réserve (Code civil art. 3.86 §3)',
  'calls.letter.kind.extraordinary':
    'Appel extraordinaire pour travaux votés par l’assemblée générale ({resolution})',
  'calls.letter.forwardOwed':
    'Solde reporté de votre compte (appels antérieurs, frais et décomptes de fin d’exercice) : {amount} restant à payer, en plus du présent appel.',
  'calls.letter.forwardCredit':
    'Solde reporté de votre compte (appels antérieurs, frais et décomptes de fin d’exercice) : {amount} en votre faveur, que vous pouvez déduire du présent appel.',
  'calls.letter.amount': 'Montant à payer : {amount}',
  'calls.letter.due': 'Échéance : {date}',
  'calls.letter.payTo':
    'Veuillez le virer à {holder}, IBAN {iban}{bic}, avec la communication structurée {communication}.',
  'calls.letter.qr':
    'Scannez avec votre application bancaire pour payer (code QR EPC : IBAN, montant et communication remplis).',
  'calls.letter.issued': 'Émis le {date}.',
  'calls.mail.subject': 'Appel de fonds n° {number} : {amount} à payer pour le {date}',
  'calls.mail.intro': '{organization} a émis un appel de fonds pour votre lot {lot} : {label}.',
  'calls.mail.details':
    'Montant {amount}, échéance le {date}, sur l’IBAN {iban} avec la communication {communication}.',
  'calls.mail.action': 'Le voir et payer dans le portail copropriétaire',
}

export const callsNl: Record<CallsMessageKey, string> = {
  'calls.letter.title': 'Opvraging van fondsen nr. {number} — {label}',
  'calls.letter.file': 'opvraging-van-fondsen',
  'calls.letter.to': 'Aan: {name}',
  'calls.letter.building': 'Gebouw: {building}',
  'calls.letter.lot': 'Kavel: {lot}',
  'calls.letter.kind.provision': 'Provisie voor het werkkapitaal (Burgerlijk Wetboek art. 3.86 §3)',
  'calls.letter.kind.reserve': 'Bijdrage aan het reservefonds (Burgerlijk Wetboek art. 3.86 §3)',
  'calls.letter.kind.extraordinary':
    'Buitengewone opvraging voor werken gestemd door de algemene vergadering ({resolution})',
  'calls.letter.forwardOwed':
    'Overgedragen saldo van uw rekening (eerdere opvragingen, kosten en afrekeningen van het boekjaar): {amount} nog te betalen, bovenop deze opvraging.',
  'calls.letter.forwardCredit':
    'Overgedragen saldo van uw rekening (eerdere opvragingen, kosten en afrekeningen van het boekjaar): {amount} in uw voordeel, dat u van deze opvraging mag aftrekken.',
  'calls.letter.amount': 'Te betalen bedrag: {amount}',
  'calls.letter.due': 'Vervaldag: {date}',
  'calls.letter.payTo':
    'Gelieve het over te schrijven naar {holder}, IBAN {iban}{bic}, met de gestructureerde mededeling {communication}.',
  'calls.letter.qr': 'Scan met uw bankapp om te betalen (EPC-QR-code: IBAN, bedrag en mededeling ingevuld).',
  'calls.letter.issued': 'Uitgegeven op {date}.',
  'calls.mail.subject': 'Opvraging van fondsen nr. {number}: {amount} te betalen tegen {date}',
  'calls.mail.intro':
    '{organization} heeft een opvraging van fondsen uitgegeven voor uw kavel {lot}: {label}.',
  'calls.mail.details':
    'Bedrag {amount}, vervaldag {date}, op IBAN {iban} met de mededeling {communication}.',
  'calls.mail.action': 'Bekijken en betalen in het eigenaarsportaal',
}

export const callsDe: Record<CallsMessageKey, string> = {
  'calls.letter.title': 'Mittelabruf Nr. {number} — {label}',
  'calls.letter.file': 'mittelabruf',
  'calls.letter.to': 'An: {name}',
  'calls.letter.building': 'Gebäude: {building}',
  'calls.letter.lot': 'Los: {lot}',
  'calls.letter.kind.provision': 'Vorschuss für das Betriebskapital (Zivilgesetzbuch Art. 3.86 §3)',
  'calls.letter.kind.reserve': 'Beitrag zum Rücklagefonds (Zivilgesetzbuch Art. 3.86 §3)',
  'calls.letter.kind.extraordinary':
    'Außerordentlicher Abruf für von der Generalversammlung beschlossene Arbeiten ({resolution})',
  'calls.letter.forwardOwed':
    'Vortrag Ihres Kontos (frühere Abrufe, Kosten und Jahresabrechnungen): {amount} noch zu zahlen, zusätzlich zu diesem Abruf.',
  'calls.letter.forwardCredit':
    'Vortrag Ihres Kontos (frühere Abrufe, Kosten und Jahresabrechnungen): {amount} zu Ihren Gunsten, den Sie von diesem Abruf abziehen können.',
  'calls.letter.amount': 'Zu zahlender Betrag: {amount}',
  'calls.letter.due': 'Fälligkeit: {date}',
  'calls.letter.payTo':
    'Bitte überweisen Sie ihn an {holder}, IBAN {iban}{bic}, mit der strukturierten Mitteilung {communication}.',
  'calls.letter.qr':
    'Mit Ihrer Banking-App scannen, um zu zahlen (EPC-QR-Code: IBAN, Betrag und Mitteilung ausgefüllt).',
  'calls.letter.issued': 'Ausgestellt am {date}.',
  'calls.mail.subject': 'Mittelabruf Nr. {number}: {amount} fällig am {date}',
  'calls.mail.intro': '{organization} hat einen Mittelabruf für Ihr Los {lot} ausgestellt: {label}.',
  'calls.mail.details':
    'Betrag {amount}, fällig am {date}, auf IBAN {iban} mit der Mitteilung {communication}.',
  'calls.mail.action': 'Im Eigentümerportal ansehen und zahlen',
}

export const CALLS_MESSAGES = { en: callsEn, fr: callsFr, nl: callsNl, de: callsDe } as const

/** A text with its {placeholders} filled. */
export function callsText(
  language: keyof typeof CALLS_MESSAGES,
  key: CallsMessageKey,
  values: Readonly<Record<string, string>> = {},
): string {
  return CALLS_MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}
