import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { err, ok, type Result } from '../../shared/result.ts'

/*
 * The meeting's append-only, hash-chained log (issue #14 item 9, ADR 0029). Every act recorded in
 * the room (arrivals, proxies, ballots…) is one entry; each entry's hash covers its content and the
 * previous entry's hash, so changing, removing or reordering any entry breaks every later hash.
 * The minutes print the last hash (the root), so later tampering with the stored log is detectable.
 * Pure and synchronous: the browser appends offline with the same code the server verifies with.
 */

export const BALLOT_CHOICES = ['for', 'against', 'abstain', 'blank', 'invalid'] as const
export type BallotChoice = (typeof BALLOT_CHOICES)[number]

export const SIGNATORY_ROLES = ['chair', 'secretary', 'owner'] as const
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number]

/** A signature captured at the desk: the name written, when, and optionally the drawing (data: URL). */
export type CapturedSignature = { readonly name: string; readonly at: string; readonly drawing?: string }

/** What each kind of act carries. */
export type ActPayloads = {
  readonly opened: Record<string, never>
  readonly checked_in: { readonly ownerId: string; readonly signature?: CapturedSignature }
  readonly checked_out: { readonly ownerId: string }
  /** A proxy recorded in the room: to an owner (holderOwnerId) or to a named outsider (holderName). */
  readonly proxy_given: {
    readonly grantorOwnerId: string
    readonly holderOwnerId?: string
    readonly holderName?: string
  }
  readonly proxy_revoked: { readonly grantorOwnerId: string }
  /** `excludedOwnerIds`: owners who may not vote on this item (art. 3.87 §8, mandated/employed by the association). */
  readonly vote_opened: { readonly resolutionId: string; readonly excludedOwnerIds: readonly string[] }
  /** A proxy holder casts one ballot per grantor, with the grantor's ownerId. */
  readonly ballot: { readonly resolutionId: string; readonly ownerId: string; readonly choice: BallotChoice }
  readonly vote_closed: { readonly resolutionId: string }
  readonly signed: { readonly role: SignatoryRole; readonly name: string; readonly ownerId?: string }
  readonly closed: Record<string, never>
}

export type ActKind = keyof ActPayloads
export const ACT_KINDS = [
  'opened',
  'checked_in',
  'checked_out',
  'proxy_given',
  'proxy_revoked',
  'vote_opened',
  'ballot',
  'vote_closed',
  'signed',
  'closed',
] as const satisfies readonly ActKind[]

type ActOf<K extends ActKind> = {
  /** 1, 2, 3… without gaps. */
  readonly seq: number
  readonly kind: K
  readonly payload: ActPayloads[K]
  /** ISO instant the act was recorded (the device's clock; never earlier than the previous act). */
  readonly at: string
  /** The previous act's hash, '' for seq 1. */
  readonly prevHash: string
  /** sha256hex(canonicalJson({ seq, kind, payload, at, prevHash })). */
  readonly hash: string
}

/** One entry of the log. */
export type MeetingAct = { [K in ActKind]: ActOf<K> }[ActKind]
export type UnsignedAct = Omit<MeetingAct, 'hash'>

/**
 * JSON with object keys sorted at every level and no whitespace: one byte string per value, so the
 * browser and the server hash the same bytes. Undefined members are dropped (as JSON.stringify does).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** The hash an act must carry: sha256 over the canonical JSON of everything but the hash. */
export function hashAct(act: Pick<MeetingAct, 'seq' | 'kind' | 'payload' | 'at' | 'prevHash'>): string {
  const { seq, kind, payload, at, prevHash } = act
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ seq, kind, payload, at, prevHash }))))
}

/** The act that follows `acts` (which must be a valid chain): next seq, previous hash, own hash. */
export function appendAct<K extends ActKind>(
  acts: readonly Pick<MeetingAct, 'seq' | 'hash'>[],
  kind: K,
  payload: ActPayloads[K],
  at: string,
): MeetingAct {
  const last = acts.at(-1)
  const unsigned = { seq: (last?.seq ?? 0) + 1, kind, payload, at, prevHash: last?.hash ?? '' }
  return { ...unsigned, hash: hashAct(unsigned) } as MeetingAct
}

export const CHAIN_BREAK_TEXTS = {
  log_seq_gap: 'Act {seq} does not follow act {previous} of the log',
  log_prev_hash_mismatch: 'Act {seq} does not point at the hash of act {previous}: the chain is broken',
  log_hash_mismatch: 'Act {seq} was altered: its hash does not match its content',
} as const

export type ChainBreak = {
  /** The first act that does not fit. */
  readonly seq: number
  readonly code: keyof typeof CHAIN_BREAK_TEXTS
  readonly message: string
}

const chainBreak = (code: ChainBreak['code'], seq: number, previous: number): ChainBreak => ({
  seq,
  code,
  message: CHAIN_BREAK_TEXTS[code].replace('{seq}', String(seq)).replace('{previous}', String(previous)),
})

/**
 * Checks that `acts` continue the chain after `after` (the last act already trusted, or none):
 * consecutive seqs, each prevHash the previous hash, each hash recomputed. Reports the first bad seq.
 */
export function verifyChain(
  acts: readonly MeetingAct[],
  after: Pick<MeetingAct, 'seq' | 'hash'> | null = null,
): Result<{ readonly lastSeq: number; readonly lastHash: string }, ChainBreak> {
  let seq = after?.seq ?? 0
  let hash = after?.hash ?? ''
  for (const act of acts) {
    if (act.seq !== seq + 1) return err(chainBreak('log_seq_gap', act.seq, seq))
    if (act.prevHash !== hash) return err(chainBreak('log_prev_hash_mismatch', act.seq, seq))
    if (hashAct(act) !== act.hash) return err(chainBreak('log_hash_mismatch', act.seq, seq))
    seq = act.seq
    hash = act.hash
  }
  return ok({ lastSeq: seq, lastHash: hash })
}
