// Labels of the expense form's supplier picker (ADR 0037), the suppliers' pages, the expense's
// correction / draft edit / cancel forms and the fiscal-year setting: the four languages side by
// side; spread into each locale.
export const supplierEn = {
  'field.supplier_id': 'Supplier (record)',
  'nav.suppliers': 'Suppliers',
  'supplier.vatNumber': 'VAT number',
  'supplier.email': 'E-mail',
  'supplier.language': 'Language',
  'supplier.account': 'Supplier account (440)',
  'supplier.balance': 'Owed by the associations: {amount}',
  'supplier.noLines': 'No booking names this supplier yet.',
  'supplier.back': 'All suppliers',
  'supplier.debit': 'Debit',
  'supplier.credit': 'Credit',
  'supplier.running': 'Balance',
  'expense.edit': 'Edit',
  'expense.editTitle': 'Edit the draft expense',
  'expense.correct': 'Correct',
  'expense.correctTitle': 'Correct the expense',
  'expense.correctIntro':
    'The approved expense is reversed in the books and kept; the corrected one is posted in its place.',
  'expense.corrected': 'Correction posted.',
  'expense.cancelReason': 'Reason for the cancellation',
  'expense.cancelQuestion': 'Cancel this expense? It is reversed in the books.',
  'expense.onlineOnly':
    'Correcting, editing and cancelling an expense post in the books: they need a connection.',
  'ledgerSettings.title': 'Accounting period',
  'ledgerSettings.month': 'Accounting period starts in',
  'ledgerSettings.intro':
    'Refused once entries are posted in a year the change would move (the books are never rewritten).',
} as const

type SupplierMessages = Record<keyof typeof supplierEn, string>

export const supplierFr: SupplierMessages = {
  'field.supplier_id': 'Fournisseur (fiche)',
  'nav.suppliers': 'Fournisseurs',
  'supplier.vatNumber': 'Numéro de TVA',
  'supplier.email': 'E-mail',
  'supplier.language': 'Langue',
  'supplier.account': 'Compte fournisseur (440)',
  'supplier.balance': 'Dû par les associations : {amount}',
  'supplier.noLines': 'Aucune écriture ne nomme encore ce fournisseur.',
  'supplier.back': 'Tous les fournisseurs',
  'supplier.debit': 'Débit',
  'supplier.credit': 'Crédit',
  'supplier.running': 'Solde',
  'expense.edit': 'Modifier',
  'expense.editTitle': 'Modifier la dépense en brouillon',
  'expense.correct': 'Corriger',
  'expense.correctTitle': 'Corriger la dépense',
  'expense.correctIntro':
    'La dépense approuvée est extournée dans les livres et conservée ; la dépense corrigée est comptabilisée à sa place.',
  'expense.corrected': 'Correction comptabilisée.',
  'expense.cancelReason': 'Motif de l’annulation',
  'expense.cancelQuestion': 'Annuler cette dépense ? Elle est extournée dans les livres.',
  'expense.onlineOnly':
    'Corriger, modifier et annuler une dépense passent des écritures : une connexion est nécessaire.',
  'ledgerSettings.title': 'Exercice comptable',
  'ledgerSettings.month': 'L’exercice commence en',
  'ledgerSettings.intro':
    'Refusé dès que des écritures sont comptabilisées dans un exercice que le changement déplacerait (les livres ne sont jamais réécrits).',
}
export const supplierNl: SupplierMessages = {
  'field.supplier_id': 'Leverancier (fiche)',
  'nav.suppliers': 'Leveranciers',
  'supplier.vatNumber': 'Btw-nummer',
  'supplier.email': 'E-mail',
  'supplier.language': 'Taal',
  'supplier.account': 'Leveranciersrekening (440)',
  'supplier.balance': 'Verschuldigd door de verenigingen: {amount}',
  'supplier.noLines': 'Nog geen boeking vermeldt deze leverancier.',
  'supplier.back': 'Alle leveranciers',
  'supplier.debit': 'Debet',
  'supplier.credit': 'Credit',
  'supplier.running': 'Saldo',
  'expense.edit': 'Wijzigen',
  'expense.editTitle': 'De ontwerpuitgave wijzigen',
  'expense.correct': 'Corrigeren',
  'expense.correctTitle': 'De uitgave corrigeren',
  'expense.correctIntro':
    'De goedgekeurde uitgave wordt in de boeken tegengeboekt en bewaard; de gecorrigeerde uitgave wordt in de plaats geboekt.',
  'expense.corrected': 'Correctie geboekt.',
  'expense.cancelReason': 'Reden van de annulering',
  'expense.cancelQuestion': 'Deze uitgave annuleren? Ze wordt in de boeken tegengeboekt.',
  'expense.onlineOnly':
    'Een uitgave corrigeren, wijzigen of annuleren boekt in de boeken: daarvoor is een verbinding nodig.',
  'ledgerSettings.title': 'Boekjaar',
  'ledgerSettings.month': 'Het boekjaar begint in',
  'ledgerSettings.intro':
    'Geweigerd zodra er boekingen zijn in een jaar dat de wijziging zou verschuiven (de boeken worden nooit herschreven).',
}
export const supplierDe: SupplierMessages = {
  'field.supplier_id': 'Lieferant (Datensatz)',
  'nav.suppliers': 'Lieferanten',
  'supplier.vatNumber': 'MwSt-Nummer',
  'supplier.email': 'E-Mail',
  'supplier.language': 'Sprache',
  'supplier.account': 'Lieferantenkonto (440)',
  'supplier.balance': 'Von den Gemeinschaften geschuldet: {amount}',
  'supplier.noLines': 'Noch keine Buchung nennt diesen Lieferanten.',
  'supplier.back': 'Alle Lieferanten',
  'supplier.debit': 'Soll',
  'supplier.credit': 'Haben',
  'supplier.running': 'Saldo',
  'expense.edit': 'Bearbeiten',
  'expense.editTitle': 'Den Ausgabenentwurf bearbeiten',
  'expense.correct': 'Korrigieren',
  'expense.correctTitle': 'Die Ausgabe korrigieren',
  'expense.correctIntro':
    'Die genehmigte Ausgabe wird in den Büchern storniert und bleibt erhalten; die korrigierte wird an ihrer Stelle gebucht.',
  'expense.corrected': 'Korrektur gebucht.',
  'expense.cancelReason': 'Grund der Stornierung',
  'expense.cancelQuestion': 'Diese Ausgabe stornieren? Sie wird in den Büchern storniert.',
  'expense.onlineOnly':
    'Eine Ausgabe korrigieren, bearbeiten oder stornieren bucht in den Büchern: dafür ist eine Verbindung nötig.',
  'ledgerSettings.title': 'Geschäftsjahr',
  'ledgerSettings.month': 'Das Geschäftsjahr beginnt im',
  'ledgerSettings.intro':
    'Abgelehnt, sobald Buchungen in einem Jahr stehen, das die Änderung verschieben würde (die Bücher werden nie umgeschrieben).',
}
