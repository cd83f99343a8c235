// Labels of the offline safety work (issue #19, items 2–6 and 11): decimal inputs, conflicts
// merged field by field, signing out with queued writes, writes offline, errors next to fields.
// Counted messages are plural forms chosen by `count` (Intl.PluralRules, see plural.ts).
import type { Message } from './plural.ts'

export const offlineSafetyEn = {
  'input.decimal.invalid': 'Enter a number such as 1234,56 or 1234.56',
  'input.decimal.ambiguous': 'Write it without thousands separators and with one decimal separator: 1234,56',
  'input.decimal.tooManyDecimals': { one: 'At most 1 decimal', other: 'At most {count} decimals' },
  'input.decimal.tooLarge': 'This number is too large',
  'sync.pendingCount': { one: '{count} pending', other: '{count} pending' },
  'sync.failedCount': { one: '{count} refused', other: '{count} refused' },
  'sync.conflictCount': { one: '{count} conflict', other: '{count} conflicts' },
  'conflict.heading': {
    one: '{name}: {count} field was changed by someone else too',
    other: '{name}: {count} fields were changed by someone else too',
  },
  'conflict.keepMineHint': 'Keep mine applies only the fields you changed; their other changes stay.',
  'signout.title': 'Changes not sent yet',
  'signout.pending': {
    one: '{count} change made on this device has not reached the server yet.',
    other: '{count} changes made on this device have not reached the server yet.',
  },
  'signout.sync': 'Send them, then sign out',
  'signout.stay': 'Stay signed in',
  'signout.discard': {
    one: 'Sign out and discard this change',
    other: 'Sign out and discard these {count} changes',
  },
  'signout.discardList': 'Signing out now discards:',
  'signout.syncFailed': 'Not everything could be sent; your changes are still on this device.',
  'outbox.op.POST': 'New',
  'outbox.op.PUT': 'Change',
  'outbox.op.DELETE': 'Deletion',
  'offline.needsConnection': 'This needs a connection. Try again once you are back online.',
  'offline.uploadDisabled': 'Uploading needs a connection: files are not kept on the device.',
  'form.fixFields': 'Please correct the fields marked below.',
  'document.acceptedTypes': 'Accepted: {types}. Up to 50 MB.',
  'document.typeRefused': 'This type of file is not accepted. Accepted: {types}.',
  'document.tooLarge': 'This file is larger than 50 MB.',
} as const satisfies Record<string, Message>

type Keys = keyof typeof offlineSafetyEn

export const offlineSafetyFr: Record<Keys, Message> = {
  'input.decimal.invalid': 'Saisissez un nombre comme 1234,56',
  'input.decimal.ambiguous':
    'Écrivez-le sans séparateur de milliers, avec une seule virgule décimale : 1234,56',
  'input.decimal.tooManyDecimals': { one: 'Au plus 1 décimale', other: 'Au plus {count} décimales' },
  'input.decimal.tooLarge': 'Ce nombre est trop grand',
  'sync.pendingCount': { one: '{count} en attente', other: '{count} en attente' },
  'sync.failedCount': { one: '{count} refusée', other: '{count} refusées' },
  'sync.conflictCount': { one: '{count} conflit', other: '{count} conflits' },
  'conflict.heading': {
    one: '{name} : {count} champ a aussi été modifié par quelqu’un d’autre',
    other: '{name} : {count} champs ont aussi été modifiés par quelqu’un d’autre',
  },
  'conflict.keepMineHint':
    'Garder la mienne n’applique que les champs que vous avez modifiés ; leurs autres modifications restent.',
  'signout.title': 'Modifications pas encore envoyées',
  'signout.pending': {
    one: '{count} modification faite sur cet appareil n’a pas encore atteint le serveur.',
    other: '{count} modifications faites sur cet appareil n’ont pas encore atteint le serveur.',
  },
  'signout.sync': 'Les envoyer, puis se déconnecter',
  'signout.stay': 'Rester connecté',
  'signout.discard': {
    one: 'Se déconnecter et abandonner cette modification',
    other: 'Se déconnecter et abandonner ces {count} modifications',
  },
  'signout.discardList': 'Se déconnecter maintenant abandonne :',
  'signout.syncFailed': 'Tout n’a pas pu être envoyé ; vos modifications sont toujours sur cet appareil.',
  'outbox.op.POST': 'Création',
  'outbox.op.PUT': 'Modification',
  'outbox.op.DELETE': 'Suppression',
  'offline.needsConnection': 'Cette action demande une connexion. Réessayez une fois en ligne.',
  'offline.uploadDisabled':
    'L’envoi de fichiers demande une connexion : ils ne sont pas gardés sur l’appareil.',
  'form.fixFields': 'Veuillez corriger les champs indiqués ci-dessous.',
  'document.acceptedTypes': 'Acceptés : {types}. Jusqu’à 50 Mo.',
  'document.typeRefused': 'Ce type de fichier n’est pas accepté. Acceptés : {types}.',
  'document.tooLarge': 'Ce fichier dépasse 50 Mo.',
}

export const offlineSafetyNl: Record<Keys, Message> = {
  'input.decimal.invalid': 'Geef een getal zoals 1234,56',
  'input.decimal.ambiguous': 'Schrijf het zonder duizendtalscheiding, met één decimaalteken: 1234,56',
  'input.decimal.tooManyDecimals': { one: 'Hoogstens 1 decimaal', other: 'Hoogstens {count} decimalen' },
  'input.decimal.tooLarge': 'Dit getal is te groot',
  'sync.pendingCount': { one: '{count} in wachtrij', other: '{count} in wachtrij' },
  'sync.failedCount': { one: '{count} geweigerd', other: '{count} geweigerd' },
  'sync.conflictCount': { one: '{count} conflict', other: '{count} conflicten' },
  'conflict.heading': {
    one: '{name}: {count} veld werd ook door iemand anders gewijzigd',
    other: '{name}: {count} velden werden ook door iemand anders gewijzigd',
  },
  'conflict.keepMineHint':
    'Mijn versie houden past alleen de velden toe die u wijzigde; hun andere wijzigingen blijven.',
  'signout.title': 'Wijzigingen nog niet verzonden',
  'signout.pending': {
    one: '{count} wijziging op dit toestel heeft de server nog niet bereikt.',
    other: '{count} wijzigingen op dit toestel hebben de server nog niet bereikt.',
  },
  'signout.sync': 'Eerst verzenden, dan afmelden',
  'signout.stay': 'Aangemeld blijven',
  'signout.discard': {
    one: 'Afmelden en deze wijziging weggooien',
    other: 'Afmelden en deze {count} wijzigingen weggooien',
  },
  'signout.discardList': 'Nu afmelden gooit weg:',
  'signout.syncFailed': 'Niet alles kon worden verzonden; uw wijzigingen staan nog op dit toestel.',
  'outbox.op.POST': 'Nieuw',
  'outbox.op.PUT': 'Wijziging',
  'outbox.op.DELETE': 'Verwijdering',
  'offline.needsConnection': 'Dit vraagt een verbinding. Probeer opnieuw zodra u online bent.',
  'offline.uploadDisabled': 'Uploaden vraagt een verbinding: bestanden worden niet op het toestel bewaard.',
  'form.fixFields': 'Verbeter de hieronder aangeduide velden.',
  'document.acceptedTypes': 'Aanvaard: {types}. Tot 50 MB.',
  'document.typeRefused': 'Dit bestandstype wordt niet aanvaard. Aanvaard: {types}.',
  'document.tooLarge': 'Dit bestand is groter dan 50 MB.',
}

export const offlineSafetyDe: Record<Keys, Message> = {
  'input.decimal.invalid': 'Geben Sie eine Zahl wie 1234,56 ein',
  'input.decimal.ambiguous': 'Ohne Tausendertrennzeichen und mit einem Dezimalzeichen schreiben: 1234,56',
  'input.decimal.tooManyDecimals': {
    one: 'Höchstens 1 Nachkommastelle',
    other: 'Höchstens {count} Nachkommastellen',
  },
  'input.decimal.tooLarge': 'Diese Zahl ist zu groß',
  'sync.pendingCount': { one: '{count} ausstehend', other: '{count} ausstehend' },
  'sync.failedCount': { one: '{count} abgelehnt', other: '{count} abgelehnt' },
  'sync.conflictCount': { one: '{count} Konflikt', other: '{count} Konflikte' },
  'conflict.heading': {
    one: '{name}: {count} Feld wurde auch von jemand anderem geändert',
    other: '{name}: {count} Felder wurden auch von jemand anderem geändert',
  },
  'conflict.keepMineHint':
    'Meine behalten übernimmt nur die Felder, die Sie geändert haben; ihre anderen Änderungen bleiben.',
  'signout.title': 'Noch nicht gesendete Änderungen',
  'signout.pending': {
    one: '{count} Änderung auf diesem Gerät hat den Server noch nicht erreicht.',
    other: '{count} Änderungen auf diesem Gerät haben den Server noch nicht erreicht.',
  },
  'signout.sync': 'Erst senden, dann abmelden',
  'signout.stay': 'Angemeldet bleiben',
  'signout.discard': {
    one: 'Abmelden und diese Änderung verwerfen',
    other: 'Abmelden und diese {count} Änderungen verwerfen',
  },
  'signout.discardList': 'Jetzt abmelden verwirft:',
  'signout.syncFailed': 'Nicht alles konnte gesendet werden; Ihre Änderungen sind noch auf diesem Gerät.',
  'outbox.op.POST': 'Neu',
  'outbox.op.PUT': 'Änderung',
  'outbox.op.DELETE': 'Löschung',
  'offline.needsConnection':
    'Dafür ist eine Verbindung nötig. Versuchen Sie es wieder, sobald Sie online sind.',
  'offline.uploadDisabled':
    'Hochladen braucht eine Verbindung: Dateien werden nicht auf dem Gerät gespeichert.',
  'form.fixFields': 'Bitte korrigieren Sie die unten markierten Felder.',
  'document.acceptedTypes': 'Erlaubt: {types}. Bis 50 MB.',
  'document.typeRefused': 'Dieser Dateityp wird nicht angenommen. Erlaubt: {types}.',
  'document.tooLarge': 'Diese Datei ist größer als 50 MB.',
}
