import type { IssuedAccessToken, Role, SessionTokenService, User } from '@koprogo/domain'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js'
import { jwtVerify, SignJWT } from 'jose'

/** How far ahead of this host's clock another host's `iat` may be. */
const CLOCK_SKEW_SECONDS = 30

export type AccessClaims = {
  sub: string
  email: string
  role: Role
  organization_id: string | null
  /** The user's session epoch at issue; `authenticate` refuses it once the user row's has moved on. */
  session_epoch: number
}

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
   * Only claims are cached, never the user: `authenticate` re-reads the user row on every request
   * and compares its session epoch, so a revoked session's token fails on its very next request.
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
    return new SignJWT({
      email: claims.email,
      role: claims.role,
      organization_id: claims.organization_id,
      session_epoch: claims.session_epoch,
    })
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
      // Tokens from before session epochs existed carry none: refused, the client refreshes.
      if (!Number.isInteger(payload.session_epoch)) return null
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
        {
          sub: user.id,
          email: user.email,
          role: user.role,
          organization_id: user.organizationId,
          session_epoch: user.sessionEpoch,
        },
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
    sealSuccessor,
    openSuccessor,
  }
}

const SUCCESSOR_INFO = new TextEncoder().encode('koprogo refresh-token successor v1')

/**
 * AES-256-GCM key derived (HKDF-SHA-256) from a refresh token. The table stores only SHA-256 of
 * that token, from which this key cannot be computed: a sealed successor opens only for someone
 * who presents the spent token itself, i.e. the tab that raced the rotation (ADR 0016).
 */
async function successorKey(presented: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(presented), 'HKDF', false, [
    'deriveKey',
  ])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: SUCCESSOR_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function sealSuccessor(presented: string, successor: string): Promise<string> {
  const iv = randomBytes(12)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await successorKey(presented),
    new TextEncoder().encode(successor),
  )
  return `v1.${bytesToHex(iv)}.${bytesToHex(new Uint8Array(sealed))}`
}

export async function openSuccessor(presented: string, sealed: string): Promise<string | null> {
  const [version, iv, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !data) return null
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: hexToBytes(iv) },
      await successorKey(presented),
      hexToBytes(data),
    )
    return new TextDecoder().decode(plain)
  } catch {
    return null
  }
}
