/*
 * Why the log refuses an act or a proxy: a code, its values, and an English sentence built from a
 * template. The API says it in the reader's language from the errors catalogue (error.code.<code>,
 * same placeholders), so these templates and the catalogue's English texts must stay alike.
 */

export const REFUSAL_TEXTS = {
  // Art. 3.87 §7 (proxies)
  proxy_grantor_unknown: 'The grantor has no vote in this meeting',
  proxy_holder_unknown: 'The proxy holder is not an owner of this building; name them instead',
  proxy_holder_missing: 'A proxy names its holder: an owner or a person by name',
  proxy_to_self: 'An owner cannot give a proxy to himself',
  proxy_holder_is_syndic: 'The syndic and its staff may not hold a proxy of an owner (art. 3.87 §7)',
  proxy_already_given: 'This owner already gave a proxy; revoke it first',
  proxy_grantor_present: 'The owner is in the room and votes himself; check him out first',
  proxy_limit:
    'This would be proxy no. {count} of the holder, who would then hold {held} of {total} votes: more than three proxies only while the holder’s own and represented votes stay within 10 % of all votes (art. 3.87 §7)',
  // The meeting's order and the law at the vote
  act_out_of_order: 'Act {seq} does not follow the last recorded act {last}',
  act_time_invalid: 'Act {seq} has no valid time or is earlier than the previous act',
  meeting_closed: 'Act {seq}: the meeting is closed; nothing more can be recorded',
  meeting_already_opened: 'Act {seq}: the meeting is already open',
  meeting_not_opened: 'Act {seq}: open the meeting before voting',
  quorum_not_reached:
    'Act {seq}: the quorum was not reached at the opening (art. 3.87 §5); the assembly cannot deliberate',
  unknown_owner: 'Act {seq}: this owner has no vote in this meeting',
  unknown_resolution: 'Act {seq}: this resolution is not on the agenda',
  already_present: 'Act {seq}: this owner is already checked in',
  not_present: 'Act {seq}: this owner is not checked in',
  no_proxy: 'Act {seq}: this owner has no proxy to revoke',
  vote_already_open: 'Act {seq}: another vote is open; close it first (one vote at a time)',
  vote_not_open: 'Act {seq}: no vote is open on this resolution',
  vote_still_open: 'Act {seq}: a vote is still open; close it first',
  resolution_already_voted: 'Act {seq}: this resolution was already voted',
  owner_excluded:
    'Act {seq}: this owner (or their proxy holder) may not vote on this item, being mandated or employed by the association for it (art. 3.87 §9)',
  owner_absent:
    'Act {seq}: this owner is neither present nor represented now; only those present at the vote count (art. 3.87 §8)',
  already_voted: 'Act {seq}: this owner already voted on this resolution',
  invalid_payload: 'Act {seq}: its content does not fit its kind',
} as const

export type RefusalCode = keyof typeof REFUSAL_TEXTS
export type RefusalParams = Readonly<Record<string, string | number>>

/** The English sentence of a refusal, its {placeholders} filled. */
export function refusalText(code: RefusalCode, params: RefusalParams = {}): string {
  return REFUSAL_TEXTS[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
