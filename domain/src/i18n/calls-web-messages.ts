// The web's texts for calls for funds and the owner portal's money part, four languages side by side.
export const callsWebEn = {
  'money.title': 'My account',
  'money.balance': 'Balance',
  'money.owed': 'Still to pay',
  'money.credit': 'In credit',
  'money.settled': 'Nothing to pay',
  'money.dueLines': 'To pay',
  'money.due': 'Due {date}',
  'money.overdue': 'Overdue',
  'money.iban': 'IBAN',
  'money.communication': 'Structured communication',
  'money.beneficiary': 'Beneficiary',
  'money.qr': 'QR code to pay {amount} with the communication {communication}',
  'money.qrHint': 'Scan it with your banking app: account, amount and communication are filled in.',
  'money.payments': 'My payments',
  'money.none': 'No call for funds yet.',
  'money.regularisations': 'Year-end regularisations',
  'money.regularisationToPay': 'Charges of {year}: {amount} to pay',
  'money.regularisationRefund': 'Charges of {year}: {amount} refunded',
  'money.regularisationHint':
    'Settles the provisions called with the actual charges of the year; included in the balance.',
  'money.statement': 'Statement',
} as const

export type CallsWebKey = keyof typeof callsWebEn

export const callsWebFr: Record<CallsWebKey, string> = {
  'money.title': 'Mon compte',
  'money.balance': 'Solde',
  'money.owed': 'Reste à payer',
  'money.credit': 'En crédit',
  'money.settled': 'Rien à payer',
  'money.dueLines': 'À payer',
  'money.due': 'Échéance {date}',
  'money.overdue': 'En retard',
  'money.iban': 'IBAN',
  'money.communication': 'Communication structurée',
  'money.beneficiary': 'Bénéficiaire',
  'money.qr': 'Code QR pour payer {amount} avec la communication {communication}',
  'money.qrHint':
    'Scannez-le avec votre application bancaire : compte, montant et communication sont remplis.',
  'money.payments': 'Mes paiements',
  'money.none': 'Pas encore d’appel de fonds.',
  'money.regularisations': 'Décomptes de fin d’exercice',
  'money.regularisationToPay': 'Charges {year} : {amount} à payer',
  'money.regularisationRefund': 'Charges {year} : {amount} remboursés',
  'money.regularisationHint':
    'Ajuste les provisions appelées aux charges réelles de l’exercice ; compris dans le solde.',
  'money.statement': 'Décompte',
}

export const callsWebNl: Record<CallsWebKey, string> = {
  'money.title': 'Mijn rekening',
  'money.balance': 'Saldo',
  'money.owed': 'Nog te betalen',
  'money.credit': 'Tegoed',
  'money.settled': 'Niets te betalen',
  'money.dueLines': 'Te betalen',
  'money.due': 'Vervaldag {date}',
  'money.overdue': 'Achterstallig',
  'money.iban': 'IBAN',
  'money.communication': 'Gestructureerde mededeling',
  'money.beneficiary': 'Begunstigde',
  'money.qr': 'QR-code om {amount} te betalen met de mededeling {communication}',
  'money.qrHint': 'Scan hem met uw bankapp: rekening, bedrag en mededeling worden ingevuld.',
  'money.payments': 'Mijn betalingen',
  'money.none': 'Nog geen opvraging van fondsen.',
  'money.regularisations': 'Afrekeningen van het boekjaar',
  'money.regularisationToPay': 'Lasten {year}: {amount} te betalen',
  'money.regularisationRefund': 'Lasten {year}: {amount} terugbetaald',
  'money.regularisationHint':
    'Verrekent de opgevraagde voorschotten met de werkelijke lasten van het jaar; inbegrepen in het saldo.',
  'money.statement': 'Afrekening',
}

export const callsWebDe: Record<CallsWebKey, string> = {
  'money.title': 'Mein Konto',
  'money.balance': 'Saldo',
  'money.owed': 'Noch zu zahlen',
  'money.credit': 'Guthaben',
  'money.settled': 'Nichts zu zahlen',
  'money.dueLines': 'Zu zahlen',
  'money.due': 'Fällig am {date}',
  'money.overdue': 'Überfällig',
  'money.iban': 'IBAN',
  'money.communication': 'Strukturierte Mitteilung',
  'money.beneficiary': 'Empfänger',
  'money.qr': 'QR-Code, um {amount} mit der Mitteilung {communication} zu zahlen',
  'money.qrHint': 'Mit Ihrer Banking-App scannen: Konto, Betrag und Mitteilung werden ausgefüllt.',
  'money.payments': 'Meine Zahlungen',
  'money.none': 'Noch kein Mittelabruf.',
  'money.regularisations': 'Jahresabrechnungen',
  'money.regularisationToPay': 'Lasten {year}: {amount} zu zahlen',
  'money.regularisationRefund': 'Lasten {year}: {amount} erstattet',
  'money.regularisationHint':
    'Gleicht die abgerufenen Vorschüsse mit den tatsächlichen Lasten des Jahres ab; im Saldo enthalten.',
  'money.statement': 'Abrechnung',
}
