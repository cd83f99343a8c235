// Labels of the actions that go straight to the server (not through the offline outbox): said
// next to them while offline, where they are disabled (issue #19, item 5).

export const onlineOnlyEn = {
  'offline.onlineOnly': 'Needs a connection: this goes straight to the server and is not kept for later.',
}

type Keys = keyof typeof onlineOnlyEn

export const onlineOnlyFr: Record<Keys, string> = {
  'offline.onlineOnly':
    'Demande une connexion : cette action va directement au serveur et n’est pas gardée pour plus tard.',
}

export const onlineOnlyNl: Record<Keys, string> = {
  'offline.onlineOnly':
    'Vraagt een verbinding: dit gaat rechtstreeks naar de server en wordt niet bewaard voor later.',
}

export const onlineOnlyDe: Record<Keys, string> = {
  'offline.onlineOnly':
    'Braucht eine Verbindung: Dies geht direkt an den Server und wird nicht für später aufbewahrt.',
}
