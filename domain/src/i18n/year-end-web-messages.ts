// Labels of the year-end section of the Books page (ADR 0040), the four languages side by side;
// spread into each locale with one line.
export const yearEndWebEn = {
  'yearEnd.title': 'Year-end close',
  'yearEnd.open': 'This fiscal year is open: the statements below are a preview.',
  'yearEnd.closed': 'Closed on {date}: the year is frozen (corrections go to the next year).',
  'yearEnd.close': 'Close the fiscal year',
  'yearEnd.confirm':
    'Close fiscal year {year}? The owners’ statements are sent and the year is frozen for good: it cannot be reopened.',
  'yearEnd.closedNow': 'Fiscal year closed: statements stored, regularisations posted.',
  'yearEnd.owner': 'Owner',
  'yearEnd.charges': 'Charges',
  'yearEnd.provisions': 'Provisions',
  'yearEnd.regularisation': 'Regularisation',
  'yearEnd.delivery': 'Sent by',
  'yearEnd.pdf': 'PDF',
  'yearEnd.accounts': 'Annual accounts',
  'yearEnd.income': 'Income',
  'yearEnd.chargesTotal': 'Charges',
  'yearEnd.result': 'Result',
  'yearEnd.category': 'Category',
  'yearEnd.budget': 'Budget',
  'yearEnd.actual': 'Actual',
  'yearEnd.reserve': 'Reserve fund: called {called}, received {received}, balance {balance}',
} as const

type YearEndWebMessages = Record<keyof typeof yearEndWebEn, string>

export const yearEndWebFr: YearEndWebMessages = {
  'yearEnd.title': 'Clôture de l’exercice',
  'yearEnd.open': 'Cet exercice est ouvert : les décomptes ci-dessous sont un aperçu.',
  'yearEnd.closed': 'Clôturé le {date} : l’exercice est figé (les corrections vont dans l’exercice suivant).',
  'yearEnd.close': 'Clôturer l’exercice',
  'yearEnd.confirm':
    'Clôturer l’exercice {year} ? Les décomptes des copropriétaires sont envoyés et l’exercice est figé définitivement : il ne peut pas être rouvert.',
  'yearEnd.closedNow': 'Exercice clôturé : décomptes enregistrés, régularisations comptabilisées.',
  'yearEnd.owner': 'Copropriétaire',
  'yearEnd.charges': 'Charges',
  'yearEnd.provisions': 'Provisions',
  'yearEnd.regularisation': 'Régularisation',
  'yearEnd.delivery': 'Envoi',
  'yearEnd.pdf': 'PDF',
  'yearEnd.accounts': 'Comptes annuels',
  'yearEnd.income': 'Produits',
  'yearEnd.chargesTotal': 'Charges',
  'yearEnd.result': 'Résultat',
  'yearEnd.category': 'Catégorie',
  'yearEnd.budget': 'Budget',
  'yearEnd.actual': 'Réel',
  'yearEnd.reserve': 'Fonds de réserve : appelé {called}, reçu {received}, solde {balance}',
}

export const yearEndWebNl: YearEndWebMessages = {
  'yearEnd.title': 'Jaarafsluiting',
  'yearEnd.open': 'Dit boekjaar is open: de afrekeningen hieronder zijn een voorbeeld.',
  'yearEnd.closed':
    'Afgesloten op {date}: het boekjaar is bevroren (correcties gaan naar het volgende jaar).',
  'yearEnd.close': 'Het boekjaar afsluiten',
  'yearEnd.confirm':
    'Boekjaar {year} afsluiten? De afrekeningen worden verstuurd en het boekjaar wordt definitief bevroren: het kan niet heropend worden.',
  'yearEnd.closedNow': 'Boekjaar afgesloten: afrekeningen opgeslagen, regularisaties geboekt.',
  'yearEnd.owner': 'Mede-eigenaar',
  'yearEnd.charges': 'Lasten',
  'yearEnd.provisions': 'Provisies',
  'yearEnd.regularisation': 'Regularisatie',
  'yearEnd.delivery': 'Verzending',
  'yearEnd.pdf': 'PDF',
  'yearEnd.accounts': 'Jaarrekening',
  'yearEnd.income': 'Opbrengsten',
  'yearEnd.chargesTotal': 'Lasten',
  'yearEnd.result': 'Resultaat',
  'yearEnd.category': 'Categorie',
  'yearEnd.budget': 'Budget',
  'yearEnd.actual': 'Werkelijk',
  'yearEnd.reserve': 'Reservekapitaal: opgevraagd {called}, ontvangen {received}, saldo {balance}',
}

export const yearEndWebDe: YearEndWebMessages = {
  'yearEnd.title': 'Jahresabschluss',
  'yearEnd.open': 'Dieses Geschäftsjahr ist offen: die Abrechnungen unten sind eine Vorschau.',
  'yearEnd.closed': 'Abgeschlossen am {date}: das Jahr ist eingefroren (Korrekturen gehen ins nächste Jahr).',
  'yearEnd.close': 'Geschäftsjahr abschließen',
  'yearEnd.confirm':
    'Geschäftsjahr {year} abschließen? Die Abrechnungen werden versandt und das Jahr endgültig eingefroren: es kann nicht wieder geöffnet werden.',
  'yearEnd.closedNow': 'Geschäftsjahr abgeschlossen: Abrechnungen gespeichert, Ausgleiche gebucht.',
  'yearEnd.owner': 'Miteigentümer',
  'yearEnd.charges': 'Lasten',
  'yearEnd.provisions': 'Vorschüsse',
  'yearEnd.regularisation': 'Ausgleich',
  'yearEnd.delivery': 'Versand',
  'yearEnd.pdf': 'PDF',
  'yearEnd.accounts': 'Jahresabschluss',
  'yearEnd.income': 'Erträge',
  'yearEnd.chargesTotal': 'Lasten',
  'yearEnd.result': 'Ergebnis',
  'yearEnd.category': 'Kategorie',
  'yearEnd.budget': 'Budget',
  'yearEnd.actual': 'Ist',
  'yearEnd.reserve': 'Reservefonds: angefordert {called}, erhalten {received}, Saldo {balance}',
}
