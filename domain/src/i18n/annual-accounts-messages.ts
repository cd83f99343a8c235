// Texts of the annual accounts PDF for the general assembly (ADR 0042; Civil Code art. 3.89 §5,
// 17°), the four languages side by side, and the names of the minimum chart's accounts (royal
// decree of 12 July 2012) outside class 6 (class 6 reuses the PCN report's labels).
export const accountsEn = {
  'accounts.title': 'Annual accounts {year} — {building}',
  'accounts.file': 'annual-accounts',
  'accounts.building': 'Building: {building}',
  'accounts.period': 'Fiscal year from {from} to {to}',
  'accounts.closed': 'Year closed on {date}: the accounts as closed (they never change).',
  'accounts.open': 'Preview: the year is not closed, the figures may still change.',
  'accounts.balanceSheet': 'Balance sheet on {date}',
  'accounts.assets': 'Assets',
  'accounts.liabilities': 'Liabilities',
  'accounts.account': 'Account',
  'accounts.name': 'Name',
  'accounts.amount': 'Amount',
  'accounts.total': 'Total',
  'accounts.resultNotCarried': 'Results not yet carried forward',
  'accounts.incomeAndCharges': 'Income and charges of the year',
  'accounts.income': 'Income',
  'accounts.charges': 'Charges',
  'accounts.result': 'Result of the year (income − charges): {amount}',
  'accounts.byCategory': 'Charges per category against the budget',
  'accounts.category': 'Category',
  'accounts.budget': 'Budget',
  'accounts.actual': 'Actual',
  'accounts.difference': 'Difference',
  'accounts.extraordinary': '{category} (extraordinary)',
  'accounts.noBudget': 'No budget was approved for this year.',
  'accounts.byKey': 'Ordinary charges per distribution key',
  'accounts.key': 'Distribution key',
  'accounts.generalKey': 'General (quote-parts)',
  'accounts.reserve': 'Reserve fund (art. 3.86 §3)',
  'accounts.reserveCalled': 'Contributions called (701)',
  'accounts.reserveReceived': 'Received on the reserve account (551)',
  'accounts.reservePaidOut': 'Paid out of the reserve account (551)',
  'accounts.reserveBalance': 'Balance of the reserve account at the year’s end',
  'accounts.source':
    'From the association’s books on the minimum chart of accounts (royal decree of 12 July 2012), amounts VAT included.',
  'accounts.generated': 'Generated on {date}.',
} as const

export type AccountsMessageKey = keyof typeof accountsEn

export const accountsFr: Record<AccountsMessageKey, string> = {
  'accounts.title': 'Comptes annuels {year} — {building}',
  'accounts.file': 'comptes-annuels',
  'accounts.building': 'Immeuble : {building}',
  'accounts.period': 'Exercice du {from} au {to}',
  'accounts.closed': 'Exercice clôturé le {date} : les comptes tels que clôturés (ils ne changent plus).',
  'accounts.open': 'Aperçu : l’exercice n’est pas clôturé, les montants peuvent encore changer.',
  'accounts.balanceSheet': 'Bilan au {date}',
  'accounts.assets': 'Actif',
  'accounts.liabilities': 'Passif',
  'accounts.account': 'Compte',
  'accounts.name': 'Intitulé',
  'accounts.amount': 'Montant',
  'accounts.total': 'Total',
  'accounts.resultNotCarried': 'Résultats non encore reportés',
  'accounts.incomeAndCharges': 'Produits et charges de l’exercice',
  'accounts.income': 'Produits',
  'accounts.charges': 'Charges',
  'accounts.result': 'Résultat de l’exercice (produits − charges) : {amount}',
  'accounts.byCategory': 'Charges par catégorie et budget',
  'accounts.category': 'Catégorie',
  'accounts.budget': 'Budget',
  'accounts.actual': 'Réel',
  'accounts.difference': 'Écart',
  'accounts.extraordinary': '{category} (extraordinaire)',
  'accounts.noBudget': 'Aucun budget n’a été approuvé pour cet exercice.',
  'accounts.byKey': 'Charges ordinaires par clé de répartition',
  'accounts.key': 'Clé de répartition',
  'accounts.generalKey': 'Générale (quotes-parts)',
  'accounts.reserve': 'Fonds de réserve (art. 3.86 §3)',
  'accounts.reserveCalled': 'Contributions appelées (701)',
  'accounts.reserveReceived': 'Reçu sur le compte de réserve (551)',
  'accounts.reservePaidOut': 'Payé depuis le compte de réserve (551)',
  'accounts.reserveBalance': 'Solde du compte de réserve en fin d’exercice',
  'accounts.source':
    'Établis d’après la comptabilité de l’association selon le plan comptable minimum normalisé (arrêté royal du 12 juillet 2012), montants TVA comprise.',
  'accounts.generated': 'Généré le {date}.',
}

export const accountsNl: Record<AccountsMessageKey, string> = {
  'accounts.title': 'Jaarrekening {year} — {building}',
  'accounts.file': 'jaarrekening',
  'accounts.building': 'Gebouw: {building}',
  'accounts.period': 'Boekjaar van {from} tot {to}',
  'accounts.closed':
    'Boekjaar afgesloten op {date}: de rekeningen zoals afgesloten (ze veranderen niet meer).',
  'accounts.open': 'Voorlopig: het boekjaar is niet afgesloten, de bedragen kunnen nog wijzigen.',
  'accounts.balanceSheet': 'Balans op {date}',
  'accounts.assets': 'Activa',
  'accounts.liabilities': 'Passiva',
  'accounts.account': 'Rekening',
  'accounts.name': 'Omschrijving',
  'accounts.amount': 'Bedrag',
  'accounts.total': 'Totaal',
  'accounts.resultNotCarried': 'Nog niet overgedragen resultaten',
  'accounts.incomeAndCharges': 'Opbrengsten en kosten van het boekjaar',
  'accounts.income': 'Opbrengsten',
  'accounts.charges': 'Kosten',
  'accounts.result': 'Resultaat van het boekjaar (opbrengsten − kosten): {amount}',
  'accounts.byCategory': 'Kosten per categorie tegenover de begroting',
  'accounts.category': 'Categorie',
  'accounts.budget': 'Begroting',
  'accounts.actual': 'Werkelijk',
  'accounts.difference': 'Verschil',
  'accounts.extraordinary': '{category} (buitengewoon)',
  'accounts.noBudget': 'Voor dit boekjaar werd geen begroting goedgekeurd.',
  'accounts.byKey': 'Gewone lasten per verdeelsleutel',
  'accounts.key': 'Verdeelsleutel',
  'accounts.generalKey': 'Algemeen (aandelen)',
  'accounts.reserve': 'Reservefonds (art. 3.86 §3)',
  'accounts.reserveCalled': 'Opgevraagde bijdragen (701)',
  'accounts.reserveReceived': 'Ontvangen op de reserverekening (551)',
  'accounts.reservePaidOut': 'Betaald van de reserverekening (551)',
  'accounts.reserveBalance': 'Saldo van de reserverekening op het einde van het boekjaar',
  'accounts.source':
    'Opgesteld uit de boekhouding van de vereniging volgens het minimumrekeningenstelsel (koninklijk besluit van 12 juli 2012), bedragen inclusief btw.',
  'accounts.generated': 'Aangemaakt op {date}.',
}

export const accountsDe: Record<AccountsMessageKey, string> = {
  'accounts.title': 'Jahresabschluss {year} — {building}',
  'accounts.file': 'jahresabschluss',
  'accounts.building': 'Gebäude: {building}',
  'accounts.period': 'Geschäftsjahr vom {from} bis {to}',
  'accounts.closed':
    'Geschäftsjahr abgeschlossen am {date}: der Abschluss wie abgeschlossen (er ändert sich nicht mehr).',
  'accounts.open':
    'Vorschau: das Geschäftsjahr ist nicht abgeschlossen, die Beträge können sich noch ändern.',
  'accounts.balanceSheet': 'Bilanz zum {date}',
  'accounts.assets': 'Aktiva',
  'accounts.liabilities': 'Passiva',
  'accounts.account': 'Konto',
  'accounts.name': 'Bezeichnung',
  'accounts.amount': 'Betrag',
  'accounts.total': 'Summe',
  'accounts.resultNotCarried': 'Noch nicht vorgetragene Ergebnisse',
  'accounts.incomeAndCharges': 'Erträge und Aufwendungen des Geschäftsjahres',
  'accounts.income': 'Erträge',
  'accounts.charges': 'Aufwendungen',
  'accounts.result': 'Ergebnis des Geschäftsjahres (Erträge − Aufwendungen): {amount}',
  'accounts.byCategory': 'Aufwendungen je Kategorie gegenüber dem Haushaltsplan',
  'accounts.category': 'Kategorie',
  'accounts.budget': 'Haushaltsplan',
  'accounts.actual': 'Ist',
  'accounts.difference': 'Abweichung',
  'accounts.extraordinary': '{category} (außerordentlich)',
  'accounts.noBudget': 'Für dieses Geschäftsjahr wurde kein Haushaltsplan genehmigt.',
  'accounts.byKey': 'Ordentliche Lasten je Verteilungsschlüssel',
  'accounts.key': 'Verteilungsschlüssel',
  'accounts.generalKey': 'Allgemein (Anteile)',
  'accounts.reserve': 'Rücklagenfonds (Art. 3.86 §3)',
  'accounts.reserveCalled': 'Abgerufene Beiträge (701)',
  'accounts.reserveReceived': 'Auf dem Rücklagenkonto eingegangen (551)',
  'accounts.reservePaidOut': 'Vom Rücklagenkonto gezahlt (551)',
  'accounts.reserveBalance': 'Saldo des Rücklagenkontos am Ende des Geschäftsjahres',
  'accounts.source':
    'Aus der Buchhaltung der Vereinigung nach dem Mindestkontenplan (Königlicher Erlass vom 12. Juli 2012), Beträge einschließlich MwSt.',
  'accounts.generated': 'Erstellt am {date}.',
}

export const ACCOUNTS_MESSAGES = { en: accountsEn, fr: accountsFr, nl: accountsNl, de: accountsDe } as const

export function accountsText(
  language: keyof typeof ACCOUNTS_MESSAGES,
  key: AccountsMessageKey,
  values: Readonly<Record<string, string>> = {},
): string {
  return ACCOUNTS_MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}

/** Names of the chart's accounts outside class 6 per language [en, fr, nl, de]. */
const CHART_NAMES: Readonly<Record<string, readonly [string, string, string, string]>> = {
  '100': ['Working capital fund', 'Fonds de roulement', 'Werkkapitaal', 'Betriebsmittelfonds'],
  '140': ['Result carried forward', 'Résultat reporté', 'Overgedragen resultaat', 'Ergebnisvortrag'],
  '160': ['Reserve fund', 'Fonds de réserve', 'Reservefonds', 'Rücklagenfonds'],
  '240': [
    'Furniture and equipment',
    'Mobilier et matériel',
    'Meubilair en materieel',
    'Mobiliar und Ausstattung',
  ],
  '300': ['Stocks (fuel)', 'Stocks (combustible)', 'Voorraden (brandstof)', 'Vorräte (Brennstoff)'],
  '410': ["Co-owners' receivables", 'Copropriétaires', 'Mede-eigenaars', 'Miteigentümer'],
  '411': ['VAT recoverable', 'TVA à récupérer', 'Terug te vorderen btw', 'Erstattungsfähige MwSt.'],
  '440': ['Suppliers', 'Fournisseurs', 'Leveranciers', 'Lieferanten'],
  '480': [
    "Other debts (co-owners' advances)",
    'Autres dettes (avances des copropriétaires)',
    'Overige schulden (voorschotten van mede-eigenaars)',
    'Sonstige Verbindlichkeiten (Vorschüsse der Miteigentümer)',
  ],
  '499': ['Suspense account', 'Compte d’attente', 'Wachtrekening', 'Zwischenkonto'],
  '550': [
    'Bank — working capital',
    'Banque — fonds de roulement',
    'Bank — werkkapitaal',
    'Bank — Betriebsmittel',
  ],
  '551': ['Bank — reserve fund', 'Banque — fonds de réserve', 'Bank — reservefonds', 'Bank — Rücklagenfonds'],
  '570': ['Cash', 'Caisse', 'Kas', 'Kasse'],
  '700': [
    'Calls for funds — working capital',
    'Appels de fonds — fonds de roulement',
    'Opvragingen — werkkapitaal',
    'Beitragsabrufe — Betriebsmittel',
  ],
  '701': [
    'Calls for funds — reserve fund',
    'Appels de fonds — fonds de réserve',
    'Opvragingen — reservefonds',
    'Beitragsabrufe — Rücklagenfonds',
  ],
  '702': [
    'Calls for funds — extraordinary',
    'Appels de fonds — extraordinaires',
    'Opvragingen — buitengewoon',
    'Beitragsabrufe — außerordentlich',
  ],
  '740': [
    'Other operating income',
    'Autres produits d’exploitation',
    'Andere bedrijfsopbrengsten',
    'Sonstige betriebliche Erträge',
  ],
  '750': [
    'Financial income (interest)',
    'Produits financiers (intérêts)',
    'Financiële opbrengsten (interesten)',
    'Finanzerträge (Zinsen)',
  ],
}

const LANGUAGE_INDEX = { en: 0, fr: 1, nl: 2, de: 3 } as const

/** A chart account's name outside class 6 in a language, or null (class 6: the PCN labels). */
export function chartAccountName(language: keyof typeof LANGUAGE_INDEX, code: string): string | null {
  return CHART_NAMES[code]?.[LANGUAGE_INDEX[language]] ?? null
}
