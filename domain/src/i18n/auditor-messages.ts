// Labels of the account auditor's read-only view (issue #16 item 5, art. 3.91), the four
// languages side by side; spread into each locale with one line.
export const auditorEn = {
  'auditor.badge': 'Auditor – read only',
  'auditor.badgeHint':
    'You audit the accounts of the buildings granted to you: you can read everything, change nothing.',
}

type AuditorMessages = Record<keyof typeof auditorEn, string>

export const auditorFr: AuditorMessages = {
  'auditor.badge': 'Vérificateur – lecture seule',
  'auditor.badgeHint':
    'Vous vérifiez les comptes des immeubles qui vous sont confiés : vous pouvez tout lire, rien modifier.',
}

export const auditorNl: AuditorMessages = {
  'auditor.badge': 'Verificateur – alleen lezen',
  'auditor.badgeHint':
    'U controleert de rekeningen van de gebouwen die u zijn toevertrouwd: u kunt alles lezen, niets wijzigen.',
}

export const auditorDe: AuditorMessages = {
  'auditor.badge': 'Rechnungsprüfer – nur lesen',
  'auditor.badgeHint':
    'Sie prüfen die Konten der Ihnen anvertrauten Gebäude: Sie können alles lesen, nichts ändern.',
}
