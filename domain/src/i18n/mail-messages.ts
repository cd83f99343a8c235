// Strings of the e-mails the platform sends, in the four languages of the product. Placeholders
// in braces are filled by the renderer (functions/_shared/mail/render.ts), which escapes them in
// the HTML part. Server-only (not spread into the web dictionaries): the renderer reads MAIL_MESSAGES.

import type { Locale } from './locale.ts'

export const mailEn = {
  'mail.greeting': 'Hello {name},',
  'mail.signature': '{organization}, via {product}',
  'mail.ignore': 'If you did not expect this message, you can ignore it.',
  'mail.invite.subject': '{organization} invites you to {product}',
  'mail.invite.intro':
    '{inviter} created an account for you on {product}, the platform {organization} uses to manage your building.',
  'mail.invite.action': 'Choose your password',
  'mail.invite.validity': 'This link can be used once, until {expires}.',
  'mail.reset.subject': 'Reset your {product} password',
  'mail.reset.intro': 'Someone (hopefully you) asked to reset the password of your {product} account.',
  'mail.reset.action': 'Choose a new password',
  'mail.reset.validity': 'This link can be used once, until {expires}.',
  'mail.changed.subject': 'Your {product} password was changed',
  'mail.changed.intro':
    'The password of your {product} account was changed on {when}. Your other sessions were signed out.',
  'mail.changed.notYou': 'If it was not you, reset your password now and tell {organization}:',
  'mail.changed.action': 'Reset my password',
}

export type MailMessageKey = keyof typeof mailEn

export const mailFr: Record<MailMessageKey, string> = {
  'mail.greeting': 'Bonjour {name},',
  'mail.signature': '{organization}, via {product}',
  'mail.ignore': 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer.',
  'mail.invite.subject': '{organization} vous invite sur {product}',
  'mail.invite.intro':
    '{inviter} vous a créé un compte sur {product}, la plateforme que {organization} utilise pour gérer votre immeuble.',
  'mail.invite.action': 'Choisir mon mot de passe',
  'mail.invite.validity': 'Ce lien est utilisable une seule fois, jusqu’au {expires}.',
  'mail.reset.subject': 'Réinitialisez votre mot de passe {product}',
  'mail.reset.intro':
    'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte {product}.',
  'mail.reset.action': 'Choisir un nouveau mot de passe',
  'mail.reset.validity': 'Ce lien est utilisable une seule fois, jusqu’au {expires}.',
  'mail.changed.subject': 'Votre mot de passe {product} a été modifié',
  'mail.changed.intro':
    'Le mot de passe de votre compte {product} a été modifié le {when}. Vos autres sessions ont été fermées.',
  'mail.changed.notYou':
    'Si ce n’était pas vous, réinitialisez votre mot de passe maintenant et prévenez {organization} :',
  'mail.changed.action': 'Réinitialiser mon mot de passe',
}

export const mailNl: Record<MailMessageKey, string> = {
  'mail.greeting': 'Beste {name},',
  'mail.signature': '{organization}, via {product}',
  'mail.ignore': 'Als u dit bericht niet verwachtte, mag u het negeren.',
  'mail.invite.subject': '{organization} nodigt u uit op {product}',
  'mail.invite.intro':
    '{inviter} heeft een account voor u aangemaakt op {product}, het platform waarmee {organization} uw gebouw beheert.',
  'mail.invite.action': 'Kies uw wachtwoord',
  'mail.invite.validity': 'Deze link kan één keer worden gebruikt, tot {expires}.',
  'mail.reset.subject': 'Stel uw {product}-wachtwoord opnieuw in',
  'mail.reset.intro':
    'Iemand (hopelijk u) heeft gevraagd het wachtwoord van uw {product}-account opnieuw in te stellen.',
  'mail.reset.action': 'Kies een nieuw wachtwoord',
  'mail.reset.validity': 'Deze link kan één keer worden gebruikt, tot {expires}.',
  'mail.changed.subject': 'Uw {product}-wachtwoord is gewijzigd',
  'mail.changed.intro':
    'Het wachtwoord van uw {product}-account is gewijzigd op {when}. Uw andere sessies zijn afgemeld.',
  'mail.changed.notYou': 'Was u dit niet? Stel uw wachtwoord nu opnieuw in en verwittig {organization}:',
  'mail.changed.action': 'Mijn wachtwoord opnieuw instellen',
}

export const mailDe: Record<MailMessageKey, string> = {
  'mail.greeting': 'Guten Tag {name},',
  'mail.signature': '{organization}, über {product}',
  'mail.ignore': 'Wenn Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.',
  'mail.invite.subject': '{organization} lädt Sie zu {product} ein',
  'mail.invite.intro':
    '{inviter} hat für Sie ein Konto bei {product} angelegt, der Plattform, mit der {organization} Ihr Gebäude verwaltet.',
  'mail.invite.action': 'Passwort festlegen',
  'mail.invite.validity': 'Dieser Link ist einmal verwendbar, bis {expires}.',
  'mail.reset.subject': 'Setzen Sie Ihr {product}-Passwort zurück',
  'mail.reset.intro':
    'Jemand (hoffentlich Sie) hat das Zurücksetzen des Passworts Ihres {product}-Kontos angefordert.',
  'mail.reset.action': 'Neues Passwort wählen',
  'mail.reset.validity': 'Dieser Link ist einmal verwendbar, bis {expires}.',
  'mail.changed.subject': 'Ihr {product}-Passwort wurde geändert',
  'mail.changed.intro':
    'Das Passwort Ihres {product}-Kontos wurde am {when} geändert. Ihre anderen Sitzungen wurden abgemeldet.',
  'mail.changed.notYou':
    'Waren Sie das nicht? Setzen Sie Ihr Passwort jetzt zurück und informieren Sie {organization}:',
  'mail.changed.action': 'Passwort zurücksetzen',
}

export const MAIL_MESSAGES: Readonly<Record<Locale, Record<MailMessageKey, string>>> = {
  en: mailEn,
  fr: mailFr,
  nl: mailNl,
  de: mailDe,
}
