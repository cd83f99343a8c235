// Texts of the PCN report (expenses by account of the minimum chart, royal decree of 12 July 2012)
// and its PDF / Excel exports, the four languages side by side. v1's report carried each
// account's label in nl, fr, de and en (account_label_nl …): these are those labels.
export const pcnEn = {
  'pcn.title': 'PCN report — expenses by account',
  'pcn.file': 'pcn-report',
  'pcn.building': 'Building: {building}',
  'pcn.period': 'Period: {from} to {to}',
  'pcn.periodAll': 'Period: all posted entries',
  'pcn.source':
    'From the association’s books: the class 6 charge accounts of the minimum chart (royal decree of 12 July 2012), net of reversals and credit notes, VAT included.',
  'pcn.account': 'Account',
  'pcn.label': 'Label',
  'pcn.entries': 'Entries',
  'pcn.amount': 'Amount',
  'pcn.total': 'Total',
  'pcn.generated': 'Generated on {date}.',
  'pcn.account.610': 'Maintenance',
  'pcn.account.611': 'Repairs',
  'pcn.account.612': 'Utilities (water, gas, electricity)',
  'pcn.account.613': 'Administration and fees',
  'pcn.account.614': 'Insurance',
  'pcn.account.615': 'Cleaning',
  'pcn.account.616': 'Works',
  'pcn.account.619': 'Other services and goods',
  'pcn.account.620': 'Staff (caretaker)',
  'pcn.account.640': 'Other operating charges (taxes)',
  'pcn.account.650': 'Financial charges',
} as const

export type PcnMessageKey = keyof typeof pcnEn

export const pcnFr: Record<PcnMessageKey, string> = {
  'pcn.title': 'Rapport PCMN — dépenses par compte',
  'pcn.file': 'rapport-pcn',
  'pcn.building': 'Immeuble : {building}',
  'pcn.period': 'Période : du {from} au {to}',
  'pcn.periodAll': 'Période : toutes les écritures passées',
  'pcn.source':
    'Extrait de la comptabilité de l’association : comptes de charges de la classe 6 du plan comptable minimum normalisé (arrêté royal du 12 juillet 2012), nets des extournes et notes de crédit, TVA comprise.',
  'pcn.account': 'Compte',
  'pcn.label': 'Libellé',
  'pcn.entries': 'Écritures',
  'pcn.amount': 'Montant',
  'pcn.total': 'Total',
  'pcn.generated': 'Établi le {date}.',
  'pcn.account.610': 'Entretien',
  'pcn.account.611': 'Réparations',
  'pcn.account.612': 'Consommations (eau, gaz, électricité)',
  'pcn.account.613': 'Administration et honoraires',
  'pcn.account.614': 'Assurances',
  'pcn.account.615': 'Nettoyage',
  'pcn.account.616': 'Travaux',
  'pcn.account.619': 'Autres services et biens divers',
  'pcn.account.620': 'Personnel (concierge)',
  'pcn.account.640': 'Autres charges d’exploitation (taxes)',
  'pcn.account.650': 'Charges financières',
}

export const pcnNl: Record<PcnMessageKey, string> = {
  'pcn.title': 'MGR-rapport — uitgaven per rekening',
  'pcn.file': 'mgr-rapport',
  'pcn.building': 'Gebouw: {building}',
  'pcn.period': 'Periode: van {from} tot {to}',
  'pcn.periodAll': 'Periode: alle geboekte verrichtingen',
  'pcn.source':
    'Uit de boekhouding van de vereniging: de kostenrekeningen van klasse 6 van het minimum genormaliseerd rekeningenstelsel (koninklijk besluit van 12 juli 2012), na tegenboekingen en creditnota’s, btw inbegrepen.',
  'pcn.account': 'Rekening',
  'pcn.label': 'Omschrijving',
  'pcn.entries': 'Boekingen',
  'pcn.amount': 'Bedrag',
  'pcn.total': 'Totaal',
  'pcn.generated': 'Opgemaakt op {date}.',
  'pcn.account.610': 'Onderhoud',
  'pcn.account.611': 'Herstellingen',
  'pcn.account.612': 'Verbruik (water, gas, elektriciteit)',
  'pcn.account.613': 'Administratie en erelonen',
  'pcn.account.614': 'Verzekeringen',
  'pcn.account.615': 'Schoonmaak',
  'pcn.account.616': 'Werken',
  'pcn.account.619': 'Andere diensten en diverse goederen',
  'pcn.account.620': 'Personeel (conciërge)',
  'pcn.account.640': 'Andere bedrijfskosten (belastingen)',
  'pcn.account.650': 'Financiële kosten',
}

export const pcnDe: Record<PcnMessageKey, string> = {
  'pcn.title': 'Kontenplan-Bericht — Ausgaben nach Konto',
  'pcn.file': 'kontenplan-bericht',
  'pcn.building': 'Gebäude: {building}',
  'pcn.period': 'Zeitraum: {from} bis {to}',
  'pcn.periodAll': 'Zeitraum: alle gebuchten Vorgänge',
  'pcn.source':
    'Aus der Buchhaltung der Vereinigung: die Aufwandskonten der Klasse 6 des genormten Mindestkontenplans (Königlicher Erlass vom 12. Juli 2012), nach Stornierungen und Gutschriften, MwSt. inbegriffen.',
  'pcn.account': 'Konto',
  'pcn.label': 'Bezeichnung',
  'pcn.entries': 'Buchungen',
  'pcn.amount': 'Betrag',
  'pcn.total': 'Summe',
  'pcn.generated': 'Erstellt am {date}.',
  'pcn.account.610': 'Wartung',
  'pcn.account.611': 'Reparaturen',
  'pcn.account.612': 'Verbrauch (Wasser, Gas, Strom)',
  'pcn.account.613': 'Verwaltung und Honorare',
  'pcn.account.614': 'Versicherungen',
  'pcn.account.615': 'Reinigung',
  'pcn.account.616': 'Arbeiten',
  'pcn.account.619': 'Andere Dienstleistungen und Güter',
  'pcn.account.620': 'Personal (Hausmeister)',
  'pcn.account.640': 'Andere betriebliche Aufwendungen (Steuern)',
  'pcn.account.650': 'Finanzaufwendungen',
}

const PCN_MESSAGES = { en: pcnEn, fr: pcnFr, nl: pcnNl, de: pcnDe } as const

export function pcnText(
  language: keyof typeof PCN_MESSAGES,
  key: PcnMessageKey,
  values: Readonly<Record<string, string>> = {},
): string {
  return PCN_MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}

/** An account's label in a language, or null when the report has none (not a charge account). */
export function pcnAccountLabel(language: keyof typeof PCN_MESSAGES, code: string): string | null {
  const key = `pcn.account.${code}`
  return key in pcnEn ? PCN_MESSAGES[language][key as PcnMessageKey] : null
}
