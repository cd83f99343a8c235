import { type RefusalCode, type RefusalParams, refusalText } from './refusals.ts'

/*
 * Proxies (Civil Code art. 3.87 §7): every owner may be represented by a proxy holder, owner or not.
 * Nobody may accept more than three proxies, unless the votes the holder has himself plus those of
 * the owners he represents do not exceed 10 % of the total votes of all the lots. The syndic may not
 * act as proxy holder of an owner at the assembly (art. 3.87 §7), nor may its staff: the register passes
 * their owner ids as `syndicOwnerIds`.
 */

export const MAX_PROXIES_PER_HOLDER = 3
/** Numerator/denominator of the 10 % ceiling under which a holder may accept more than three proxies. */
export const PROXY_VOTES_CEILING = [1, 10] as const

export type ProxyRefusalCode = Extract<RefusalCode, `proxy_${string}`>

export type ProxyRefusal = {
  readonly code: ProxyRefusalCode
  readonly params: RefusalParams
  readonly message: string
}

const refusal = (code: ProxyRefusalCode, params: RefusalParams = {}): ProxyRefusal => ({
  code,
  params,
  message: refusalText(code, params),
})

export type ProxyCheck = {
  readonly grantorOwnerId: string
  readonly holderOwnerId: string | null
  readonly holderName: string | null
  /** The holder's own votes (0 for an outsider). */
  readonly holderOwnVotes: number
  /** The votes of each grantor the holder already represents. */
  readonly heldGrantorVotes: readonly number[]
  /** The new grantor's votes. */
  readonly grantorVotes: number
  readonly totalVotes: number
  readonly syndicOwnerIds: readonly string[]
}

/** Art. 3.87 §7: null when the law allows the new proxy, else why not. */
export function proxyRefusal(check: ProxyCheck): ProxyRefusal | null {
  const { grantorOwnerId, holderOwnerId, holderName } = check
  if (holderOwnerId === null && (holderName === null || holderName.trim() === '')) {
    return refusal('proxy_holder_missing')
  }
  if (holderOwnerId === grantorOwnerId) return refusal('proxy_to_self')
  if (holderOwnerId !== null && check.syndicOwnerIds.includes(holderOwnerId)) {
    return refusal('proxy_holder_is_syndic')
  }
  const count = check.heldGrantorVotes.length + 1
  if (count > MAX_PROXIES_PER_HOLDER) {
    const held = check.holderOwnVotes + check.heldGrantorVotes.reduce((a, b) => a + b, 0) + check.grantorVotes
    const [num, den] = PROXY_VOTES_CEILING
    if (held * den > check.totalVotes * num) {
      return refusal('proxy_limit', { count, held, total: check.totalVotes })
    }
  }
  return null
}
