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
    'No user of your organization has the role “Account auditor”. Invite one first (Users, role Account auditor; they choose their password from the e-mail), then grant them this building here.',
  'auditors.offline': 'Granting or withdrawing an auditor needs the connection.',
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
    'Aucun utilisateur de votre organisation n’a le rôle « Vérificateur aux comptes ». Invitez-en d’abord un (Utilisateurs, rôle Vérificateur aux comptes ; il choisit son mot de passe depuis l’e-mail), puis donnez-lui accès à cet immeuble ici.',
  'auditors.offline': 'Donner ou retirer l’accès d’un vérificateur demande la connexion.',
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
    'Geen enkele gebruiker van uw organisatie heeft de rol “Rekeningcommissaris”. Nodig er eerst een uit (Gebruikers, rol Rekeningcommissaris; hij kiest zijn wachtwoord via de e-mail) en geef hem dan hier toegang tot dit gebouw.',
  'auditors.offline': 'Een commissaris toegang geven of ontnemen vereist de verbinding.',
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
    'Kein Benutzer Ihrer Organisation hat die Rolle „Rechnungsprüfer“. Laden Sie zuerst einen ein (Benutzer, Rolle Rechnungsprüfer; er wählt sein Passwort über die E-Mail) und gewähren Sie ihm dann hier dieses Gebäude.',
  'auditors.offline': 'Einen Rechnungsprüfer freizugeben oder zu entziehen erfordert die Verbindung.',
}
