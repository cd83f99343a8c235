// Labels of the "distribution as PDF/CSV" control on the expenses view, kept in their own
// file so the four languages read side by side; spread into each locale.
export const distributionDocumentEn = {
  'distdoc.generate': 'PDF / CSV',
  'distdoc.generateTitle': 'Generate the distribution as PDF and CSV documents of the building',
  'distdoc.pending': 'Generating the documents…',
  'distdoc.ready': 'Documents ready:',
  'distdoc.pdf': 'Open the PDF',
  'distdoc.csv': 'Download the CSV',
  'distdoc.timeout': 'The documents are not ready yet; they will appear in the documents of the building.',
}

type Keys = keyof typeof distributionDocumentEn

export const distributionDocumentFr: Record<Keys, string> = {
  'distdoc.generate': 'PDF / CSV',
  'distdoc.generateTitle': 'Générer la répartition en PDF et CSV (documents de l’immeuble)',
  'distdoc.pending': 'Génération des documents…',
  'distdoc.ready': 'Documents prêts :',
  'distdoc.pdf': 'Ouvrir le PDF',
  'distdoc.csv': 'Télécharger le CSV',
  'distdoc.timeout':
    'Les documents ne sont pas encore prêts ; ils apparaîtront dans les documents de l’immeuble.',
}

export const distributionDocumentNl: Record<Keys, string> = {
  'distdoc.generate': 'PDF / CSV',
  'distdoc.generateTitle': 'De verdeling als PDF en CSV genereren (documenten van het gebouw)',
  'distdoc.pending': 'Documenten worden gegenereerd…',
  'distdoc.ready': 'Documenten klaar:',
  'distdoc.pdf': 'De PDF openen',
  'distdoc.csv': 'De CSV downloaden',
  'distdoc.timeout': 'De documenten zijn nog niet klaar; ze verschijnen bij de documenten van het gebouw.',
}

export const distributionDocumentDe: Record<Keys, string> = {
  'distdoc.generate': 'PDF / CSV',
  'distdoc.generateTitle': 'Die Verteilung als PDF und CSV erzeugen (Dokumente des Gebäudes)',
  'distdoc.pending': 'Dokumente werden erzeugt…',
  'distdoc.ready': 'Dokumente bereit:',
  'distdoc.pdf': 'PDF öffnen',
  'distdoc.csv': 'CSV herunterladen',
  'distdoc.timeout': 'Die Dokumente sind noch nicht bereit; sie erscheinen bei den Dokumenten des Gebäudes.',
}
