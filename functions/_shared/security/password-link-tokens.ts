import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/**
 * Tokens of set-password links (ADR 0023). The token of link `id` is HMAC-SHA256(K, id), with K
 * derived from JWT_SECRET for this use only; the database stores SHA-256(token). So the outbox
 * payload holds no secret (the job derives the token from its own id when it mails it, and again
 * identically on a retry), and neither a copy of the database nor of the outbox yields a working
 * link without the server's secret. Rotating JWT_SECRET voids every outstanding link.
 */
export class PasswordLinkTokens {
  private readonly key: Uint8Array
  constructor(serverSecret: string) {
    this.key = hmac(
      sha256,
      new TextEncoder().encode(serverSecret),
      new TextEncoder().encode('koprogo/password-link/v1'),
    )
  }

  tokenFor(linkId: string): string {
    return bytesToHex(hmac(sha256, this.key, new TextEncoder().encode(linkId)))
  }
}

/** What the database stores and looks links up by. */
export function hashLinkToken(token: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(token)))
}
