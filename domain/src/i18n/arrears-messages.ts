// Texts of the reminder letters (PDF) and their e-mail (ADR 0039), one block per language side by
// side. `arrearsEn` defines the keys; the others must have them all. Shared by server and web.
export const arrearsEn = {
  'arrears.kind.friendly': 'Reminder',
  'arrears.kind.firm': 'Second reminder',
  'arrears.kind.formal_notice': 'Formal notice',
  'arrears.letter.title': '{kind} — {building}',
  'arrears.letter.file': 'reminder',
  'arrears.letter.to': 'To: {name}',
  'arrears.letter.building': 'Building: {building}',
  'arrears.letter.intro.friendly':
    'Unless we are mistaken, the following amounts called by the association of co-owners are still unpaid on {date}. It may be an oversight: please pay them at your earliest convenience.',
  'arrears.letter.intro.firm':
    'Despite our reminder, the following amounts are still unpaid on {date}. We ask you to pay them within 15 days.',
  'arrears.letter.intro.formal_notice':
    'By this registered letter, we give you formal notice to pay, within 15 days, the following amounts still unpaid on {date}. Failing payment, the association of co-owners will take legal action without further notice, the costs being borne by you.',
  'arrears.letter.line':
    'Lot {lot} — {label}: due {due}, called {amount}, still owed {outstanding} (communication {communication})',
  'arrears.letter.interest': 'Late interest at the legal rate ({basis}): {amount} ({periods})',
  'arrears.letter.period': '{days} days in {year} at {rate} %',
  'arrears.letter.fee': 'Reminder fee ({basis}): {amount}',
  'arrears.letter.total': 'Total to pay: {amount}',
  'arrears.letter.payTo':
    'Please transfer it to {holder}, IBAN {iban}{bic}, with the structured communication {communication}.',
  'arrears.letter.qr': 'Scan with your banking app to pay (EPC QR code).',
  'arrears.letter.ignore': 'If you have paid in the meantime, please disregard this letter.',
  'arrears.letter.date': 'Sent on {date}.',
  'arrears.mail.subject': '{kind}: {amount} still owed for {building}',
  'arrears.mail.intro': '{organization} reminds you that {amount} is still owed for {building}.',
  'arrears.mail.action': 'See the letter and pay in the owner portal',
} as const

export type ArrearsMessageKey = keyof typeof arrearsEn

export const arrearsFr: Record<ArrearsMessageKey, string> = {
  'arrears.kind.friendly': 'Rappel',
  'arrears.kind.firm': 'Second rappel',
  'arrears.kind.formal_notice': 'Mise en demeure',
  'arrears.letter.title': '{kind} — {building}',
  'arrears.letter.file': 'rappel',
  'arrears.letter.to': 'À : {name}',
  'arrears.letter.building': 'Immeuble : {building}',
  'arrears.letter.intro.friendly':
    'Sauf erreur de notre part, les montants suivants appelés par l’association des copropriétaires restent impayés au {date}. Il s’agit peut-être d’un oubli : merci de les régler au plus vite.',
  'arrears.letter.intro.firm':
    'Malgré notre rappel, les montants suivants restent impayés au {date}. Nous vous prions de les régler dans les 15 jours.',
  'arrears.letter.intro.formal_notice':
    'Par la présente lettre recommandée, nous vous mettons en demeure de payer, dans les 15 jours, les montants suivants restés impayés au {date}. À défaut, l’association des copropriétaires agira en justice sans autre avis, les frais étant à votre charge.',
  'arrears.letter.line':
    'Lot {lot} — {label} : échéance {due}, appelé {amount}, reste dû {outstanding} (communication {communication})',
  'arrears.letter.interest': 'Intérêts de retard au taux légal ({basis}) : {amount} ({periods})',
  'arrears.letter.period': '{days} jours en {year} à {rate} %',
  'arrears.letter.fee': 'Frais de rappel ({basis}) : {amount}',
  'arrears.letter.total': 'Total à payer : {amount}',
  'arrears.letter.payTo':
    'Veuillez le virer à {holder}, IBAN {iban}{bic}, avec la communication structurée {communication}.',
  'arrears.letter.qr': 'Scannez avec votre application bancaire pour payer (code QR EPC).',
  'arrears.letter.ignore': 'Si vous avez payé entre-temps, veuillez ne pas tenir compte de ce courrier.',
  'arrears.letter.date': 'Envoyé le {date}.',
  'arrears.mail.subject': '{kind} : {amount} restant dû pour {building}',
  'arrears.mail.intro': '{organization} vous rappelle que {amount} reste dû pour {building}.',
  'arrears.mail.action': 'Voir le courrier et payer dans le portail copropriétaire',
}

export const arrearsNl: Record<ArrearsMessageKey, string> = {
  'arrears.kind.friendly': 'Herinnering',
  'arrears.kind.firm': 'Tweede herinnering',
  'arrears.kind.formal_notice': 'Ingebrekestelling',
  'arrears.letter.title': '{kind} — {building}',
  'arrears.letter.file': 'herinnering',
  'arrears.letter.to': 'Aan: {name}',
  'arrears.letter.building': 'Gebouw: {building}',
  'arrears.letter.intro.friendly':
    'Behoudens vergissing zijn de volgende bedragen die de vereniging van mede-eigenaars opvroeg op {date} nog niet betaald. Misschien is het een vergetelheid: gelieve ze zo snel mogelijk te betalen.',
  'arrears.letter.intro.firm':
    'Ondanks onze herinnering zijn de volgende bedragen op {date} nog steeds niet betaald. Wij verzoeken u ze binnen 15 dagen te betalen.',
  'arrears.letter.intro.formal_notice':
    'Met deze aangetekende brief stellen wij u in gebreke om binnen 15 dagen de volgende bedragen te betalen die op {date} nog openstaan. Bij gebreke daarvan zal de vereniging van mede-eigenaars zonder verdere verwittiging gerechtelijke stappen ondernemen, op uw kosten.',
  'arrears.letter.line':
    'Kavel {lot} — {label}: vervaldag {due}, opgevraagd {amount}, nog verschuldigd {outstanding} (mededeling {communication})',
  'arrears.letter.interest': 'Verwijlinteresten aan de wettelijke rentevoet ({basis}): {amount} ({periods})',
  'arrears.letter.period': '{days} dagen in {year} aan {rate} %',
  'arrears.letter.fee': 'Herinneringskosten ({basis}): {amount}',
  'arrears.letter.total': 'Totaal te betalen: {amount}',
  'arrears.letter.payTo':
    'Gelieve het over te schrijven naar {holder}, IBAN {iban}{bic}, met de gestructureerde mededeling {communication}.',
  'arrears.letter.qr': 'Scan met uw bankapp om te betalen (EPC-QR-code).',
  'arrears.letter.ignore': 'Hebt u intussen betaald, dan mag u deze brief als onbestaande beschouwen.',
  'arrears.letter.date': 'Verzonden op {date}.',
  'arrears.mail.subject': '{kind}: {amount} nog verschuldigd voor {building}',
  'arrears.mail.intro': '{organization} herinnert u eraan dat {amount} nog verschuldigd is voor {building}.',
  'arrears.mail.action': 'Bekijk de brief en betaal in het eigenaarsportaal',
}

export const arrearsDe: Record<ArrearsMessageKey, string> = {
  'arrears.kind.friendly': 'Zahlungserinnerung',
  'arrears.kind.firm': 'Zweite Mahnung',
  'arrears.kind.formal_notice': 'Inverzugsetzung',
  'arrears.letter.title': '{kind} — {building}',
  'arrears.letter.file': 'mahnung',
  'arrears.letter.to': 'An: {name}',
  'arrears.letter.building': 'Gebäude: {building}',
  'arrears.letter.intro.friendly':
    'Sofern wir uns nicht irren, sind die folgenden von der Vereinigung der Miteigentümer angeforderten Beträge am {date} noch unbezahlt. Vielleicht handelt es sich um ein Versehen: Bitte begleichen Sie sie baldmöglichst.',
  'arrears.letter.intro.firm':
    'Trotz unserer Erinnerung sind die folgenden Beträge am {date} noch unbezahlt. Wir bitten Sie, sie innerhalb von 15 Tagen zu begleichen.',
  'arrears.letter.intro.formal_notice':
    'Mit diesem Einschreiben setzen wir Sie in Verzug, die folgenden am {date} noch unbezahlten Beträge innerhalb von 15 Tagen zu zahlen. Andernfalls wird die Vereinigung der Miteigentümer ohne weitere Ankündigung gerichtlich vorgehen, auf Ihre Kosten.',
  'arrears.letter.line':
    'Los {lot} — {label}: fällig {due}, angefordert {amount}, noch geschuldet {outstanding} (Mitteilung {communication})',
  'arrears.letter.interest': 'Verzugszinsen zum gesetzlichen Zinssatz ({basis}): {amount} ({periods})',
  'arrears.letter.period': '{days} Tage in {year} zu {rate} %',
  'arrears.letter.fee': 'Mahngebühr ({basis}): {amount}',
  'arrears.letter.total': 'Zu zahlender Gesamtbetrag: {amount}',
  'arrears.letter.payTo':
    'Bitte überweisen Sie ihn an {holder}, IBAN {iban}{bic}, mit der strukturierten Mitteilung {communication}.',
  'arrears.letter.qr': 'Scannen Sie mit Ihrer Banking-App, um zu zahlen (EPC-QR-Code).',
  'arrears.letter.ignore':
    'Falls Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
  'arrears.letter.date': 'Versandt am {date}.',
  'arrears.mail.subject': '{kind}: {amount} noch geschuldet für {building}',
  'arrears.mail.intro':
    '{organization} erinnert Sie daran, dass {amount} für {building} noch geschuldet ist.',
  'arrears.mail.action': 'Schreiben ansehen und im Eigentümerportal zahlen',
}

const ARREARS_MESSAGES = { en: arrearsEn, fr: arrearsFr, nl: arrearsNl, de: arrearsDe } as const

export function arrearsText(
  language: keyof typeof ARREARS_MESSAGES,
  key: ArrearsMessageKey,
  values: Readonly<Record<string, string>> = {},
): string {
  return ARREARS_MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}
