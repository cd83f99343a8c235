import { z } from '@hono/zod-openapi'
import { PASSWORD_MAX } from '@koprogo/domain'

/**
 * Bounds on raw text the API parses before the domain reads it (a date, a decimal, a token): they
 * only stop an absurd input early, the domain's parser decides. Every other advertised length is
 * a domain limit (functions/test/openapi-domain-limits.test.ts holds the document to that).
 */
export const WIRE_BOUNDS = {
  /** YYYY-MM-DD or an ISO timestamp. */
  date_text: 40,
  /** A decimal share such as "0.333333". */
  share_text: 20,
  /** Euros as a decimal string. */
  amount_text: 32,
  /** A Belgian enterprise number in any accepted layout (BE 0123.456.749). */
  enterprise_number_text: 30,
  refresh_token: 512,
  /** The token of an e-mailed password link (43 characters of base64url today). */
  password_link_token: 200,
  /** Login checks a password against its hash, not the policy: any length up to this is merely wrong. */
  login_password: 1024,
  /** A sha256 in hex (a meeting log's hashes). */
  sha256_hex: 64,
  /** How many times the bench's growth runs multiply the realistic seed. */
  seed_scale: 20,
} as const

/**
 * A password people choose: JSON Schema counts characters (code points), like the domain's policy
 * (PASSWORD_MAX), so that is what the document advertises; zod counts UTF-16 units, so it lets
 * twice that through (a password of emoji) and the policy answers with its own message.
 */
export const newPassword = () =>
  z
    .string()
    .max(PASSWORD_MAX * 2)
    .openapi({ maxLength: PASSWORD_MAX })
