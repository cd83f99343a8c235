// The year-end section's link to the annual accounts PDF (ADR 0042), the four languages side by
// side; spread into each locale with one line.
export const annualAccountsWebEn = {
  'yearEnd.accountsPdf': 'Annual accounts (PDF)',
  'yearEnd.accountsPdfOffline': 'The annual accounts PDF is made by the server: connect to download it.',
} as const

type AnnualAccountsWebMessages = Record<keyof typeof annualAccountsWebEn, string>

export const annualAccountsWebFr: AnnualAccountsWebMessages = {
  'yearEnd.accountsPdf': 'Comptes annuels (PDF)',
  'yearEnd.accountsPdfOffline':
    'Le PDF des comptes annuels est produit par le serveur : connectez-vous pour le télécharger.',
}

export const annualAccountsWebNl: AnnualAccountsWebMessages = {
  'yearEnd.accountsPdf': 'Jaarrekening (PDF)',
  'yearEnd.accountsPdfOffline':
    'De jaarrekening als PDF maakt de server: maak verbinding om ze te downloaden.',
}

export const annualAccountsWebDe: AnnualAccountsWebMessages = {
  'yearEnd.accountsPdf': 'Jahresabschluss (PDF)',
  'yearEnd.accountsPdfOffline':
    'Das PDF des Jahresabschlusses erstellt der Server: verbinden Sie sich, um es herunterzuladen.',
}
