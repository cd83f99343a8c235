import type { Locale } from '../i18n/locale.ts'

/**
 * A single-use link that sets a user's password: `invite` (a new account) or `reset` (forgot
 * password). Its id is the id of the outbox job that mails it; only the token's hash is stored
 * (ADR 0023).
 */
export type PasswordLinkPurpose = 'invite' | 'reset'

export type PasswordLink = {
  readonly id: string
  readonly userId: string
  readonly purpose: PasswordLinkPurpose
  readonly tokenHash: string
  readonly expiresAt: Date
  readonly usedAt: Date | null
  readonly createdAt: Date
}

export interface PasswordLinkRepository {
  /** Inserts the link unless one with its id exists (a retried job); false then. */
  insert(link: PasswordLink): Promise<boolean>
  findById(id: string): Promise<PasswordLink | null>
  findByTokenHash(tokenHash: string): Promise<PasswordLink | null>
  /** Marks the link used if nobody did first; false when it was already used (single use). */
  markUsed(id: string, at: Date): Promise<boolean>
  /** Retires every unused link of the user but `exceptId`: only the newest link works. */
  retireOthers(userId: string, exceptId: string, at: Date): Promise<void>
}

/** Job kinds of the password mails; the handlers live in functions/auth/. */
export const PASSWORD_LINK_JOB = 'mail.password-link'
export const PASSWORD_CHANGED_JOB = 'mail.password-changed'

/**
 * The outbox payload of a password-link mail: ids, an e-mail and a language, never a token. The
 * job creates the link (token derived from its own id) when it runs. A reset names the e-mail as
 * typed, so the request does the same work whether or not the account exists.
 */
export type PasswordLinkJobPayload =
  | {
      readonly purpose: 'invite'
      readonly userId: string
      readonly invitedBy: string
      readonly locale: Locale
    }
  | { readonly purpose: 'reset'; readonly email: string; readonly locale: Locale }

export type PasswordChangedJobPayload = {
  readonly userId: string
  readonly locale: Locale
  readonly changedAt: string
}
