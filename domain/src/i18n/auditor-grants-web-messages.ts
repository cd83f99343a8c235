// The syndic's screen to grant and withdraw a building's account auditor (issue #16, art. 3.91),
// on the building page; the four languages side by side, spread into each locale with one line.
export const auditorGrantsEn = {
  'auditors.title': 'Account auditors',
  'auditors.intro':
    'The assembly appoints an auditor to check the accounts. Granted here, they read this building’s books, statements and documents, and change nothing.',
  'auditors.none': 'No auditor has access to this building.',
  'auditors.since': 'since {date}',
  'auditors.user': 'Auditor',
  'auditors.choose': 'Choose an auditor',
  'auditors.grant': 'Grant access',
  'auditors.granted': '{name} can now read this building.',
  'auditors.withdraw': 'Withdraw',
  'auditors.withdrawQuestion': 'Withdraw this auditor’s access?',
  'auditors.withdrawn': 'Access withdrawn: it ends on their next request.',
  'auditors.noAccount':
    'No user of your organization has the role “Account auditor” yet: invite one below, then grant them this building.',
  'auditors.offline': 'Inviting, granting or withdrawing an auditor needs the connection.',
  'auditors.inviteTitle': 'Invite an auditor',
  'auditors.inviteHint':
    'They receive an e-mail in the chosen language to set their own password; then grant them this building above.',
  'auditors.invite': 'Invite',
  'auditors.invited':
    '{name} is invited: the e-mail to choose a password is on its way to {email}. Grant them access above.',
} as const

type AuditorGrantsMessages = Record<keyof typeof auditorGrantsEn, string>

export const auditorGrantsFr: AuditorGrantsMessages = {
  'auditors.title': 'Vérificateurs aux comptes',
  'auditors.intro':
    'L’assemblée désigne un vérificateur pour contrôler les comptes. Autorisé ici, il lit la comptabilité, les décomptes et les documents de cet immeuble, sans rien modifier.',
  'auditors.none': 'Aucun vérificateur n’a accès à cet immeuble.',
  'auditors.since': 'depuis le {date}',
  'auditors.user': 'Vérificateur',
  'auditors.choose': 'Choisir un vérificateur',
  'auditors.grant': 'Donner l’accès',
  'auditors.granted': '{name} peut désormais consulter cet immeuble.',
  'auditors.withdraw': 'Retirer',
  'auditors.withdrawQuestion': 'Retirer l’accès de ce vérificateur ?',
  'auditors.withdrawn': 'Accès retiré : il prend fin à sa prochaine requête.',
  'auditors.noAccount':
    'Aucun utilisateur de votre organisation n’a encore le rôle « Vérificateur aux comptes » : invitez-en un ci-dessous, puis donnez-lui accès à cet immeuble.',
  'auditors.offline': 'Inviter un vérificateur, lui donner ou retirer l’accès demande la connexion.',
  'auditors.inviteTitle': 'Inviter un vérificateur',
  'auditors.inviteHint':
    'Il reçoit un e-mail dans la langue choisie pour définir lui-même son mot de passe ; donnez-lui ensuite accès à cet immeuble ci-dessus.',
  'auditors.invite': 'Inviter',
  'auditors.invited':
    '{name} est invité : l’e-mail pour choisir son mot de passe part vers {email}. Donnez-lui l’accès ci-dessus.',
}

export const auditorGrantsNl: AuditorGrantsMessages = {
  'auditors.title': 'Rekeningcommissarissen',
  'auditors.intro':
    'De algemene vergadering stelt een commissaris aan om de rekeningen na te zien. Hier toegelaten, leest hij de boekhouding, afrekeningen en documenten van dit gebouw, zonder iets te wijzigen.',
  'auditors.none': 'Geen enkele commissaris heeft toegang tot dit gebouw.',
  'auditors.since': 'sinds {date}',
  'auditors.user': 'Commissaris',
  'auditors.choose': 'Kies een commissaris',
  'auditors.grant': 'Toegang geven',
  'auditors.granted': '{name} kan dit gebouw nu inzien.',
  'auditors.withdraw': 'Intrekken',
  'auditors.withdrawQuestion': 'De toegang van deze commissaris intrekken?',
  'auditors.withdrawn': 'Toegang ingetrokken: die eindigt bij zijn volgende verzoek.',
  'auditors.noAccount':
    'Geen enkele gebruiker van uw organisatie heeft al de rol “Rekeningcommissaris”: nodig er hieronder een uit en geef hem dan toegang tot dit gebouw.',
  'auditors.offline': 'Een commissaris uitnodigen, toegang geven of ontnemen vereist de verbinding.',
  'auditors.inviteTitle': 'Een commissaris uitnodigen',
  'auditors.inviteHint':
    'Hij krijgt een e-mail in de gekozen taal om zelf zijn wachtwoord te kiezen; geef hem daarna hierboven toegang tot dit gebouw.',
  'auditors.invite': 'Uitnodigen',
  'auditors.invited':
    '{name} is uitgenodigd: de e-mail om een wachtwoord te kiezen gaat naar {email}. Geef hem hierboven toegang.',
}

export const auditorGrantsDe: AuditorGrantsMessages = {
  'auditors.title': 'Rechnungsprüfer',
  'auditors.intro':
    'Die Versammlung bestellt einen Rechnungsprüfer, der die Konten prüft. Hier freigegeben, liest er die Buchhaltung, Abrechnungen und Dokumente dieses Gebäudes, ohne etwas zu ändern.',
  'auditors.none': 'Kein Rechnungsprüfer hat Zugriff auf dieses Gebäude.',
  'auditors.since': 'seit {date}',
  'auditors.user': 'Rechnungsprüfer',
  'auditors.choose': 'Rechnungsprüfer wählen',
  'auditors.grant': 'Zugriff gewähren',
  'auditors.granted': '{name} kann dieses Gebäude jetzt einsehen.',
  'auditors.withdraw': 'Entziehen',
  'auditors.withdrawQuestion': 'Den Zugriff dieses Rechnungsprüfers entziehen?',
  'auditors.withdrawn': 'Zugriff entzogen: er endet mit seiner nächsten Anfrage.',
  'auditors.noAccount':
    'Noch hat kein Benutzer Ihrer Organisation die Rolle „Rechnungsprüfer“: Laden Sie unten einen ein und gewähren Sie ihm dann dieses Gebäude.',
  'auditors.offline':
    'Einen Rechnungsprüfer einzuladen, freizugeben oder zu entziehen erfordert die Verbindung.',
  'auditors.inviteTitle': 'Einen Rechnungsprüfer einladen',
  'auditors.inviteHint':
    'Er erhält eine E-Mail in der gewählten Sprache, um sein Passwort selbst festzulegen; gewähren Sie ihm dann oben dieses Gebäude.',
  'auditors.invite': 'Einladen',
  'auditors.invited':
    '{name} ist eingeladen: die E-Mail zum Festlegen des Passworts geht an {email}. Gewähren Sie ihm oben den Zugriff.',
}
