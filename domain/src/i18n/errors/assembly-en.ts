// The general assembly's error texts (issue #14); English defines the keys. The refusal texts
// repeat governance/assembly/refusals.ts (same placeholders) so the API can say them in any language.
export const assemblyErrorsEn = {
  'error.title.unprocessable': 'Unprocessable request',
  'error.msg.invalidResolution': 'Invalid resolution',
  'error.msg.invalidProxy': 'Invalid proxy',
  'error.entity.Resolution': 'Resolution',
  'error.entity.Proxy': 'Proxy',
  'error.field.majorityBelowLaw': 'is below the {required} majority the law requires for this decision type',
  'error.code.meeting_has_log': 'This meeting has a recorded log; it is kept as history',
  'error.code.meeting_log_started': 'The meeting’s log has started: the agenda and online proxies are fixed',
  'error.code.meeting_act_conflict':
    'Act {seq} differs from the act already recorded with that number (the log ends at act {last_seq}, hash {last_hash})',
  'error.code.log_seq_gap': 'Act {seq} does not follow act {previous} of the log',
  'error.code.log_prev_hash_mismatch':
    'Act {seq} does not point at the hash of act {previous}: the chain is broken',
  'error.code.log_hash_mismatch': 'Act {seq} was altered: its hash does not match its content',
  'error.code.proxy_grantor_unknown': 'The grantor has no vote in this meeting',
  'error.code.proxy_holder_unknown': 'The proxy holder is not an owner of this building; name them instead',
  'error.code.proxy_holder_missing': 'A proxy names its holder: an owner or a person by name',
  'error.code.proxy_to_self': 'An owner cannot give a proxy to himself',
  'error.code.proxy_holder_is_syndic':
    'The syndic and its staff may not hold a proxy of an owner (art. 3.87 §7)',
  'error.code.proxy_already_given': 'This owner already gave a proxy; revoke it first',
  'error.code.proxy_grantor_present': 'The owner is in the room and votes himself; check him out first',
  'error.code.proxy_limit':
    'This would be proxy no. {count} of the holder, who would then hold {held} of {total} votes: more than three proxies only while the holder’s own and represented votes stay within 10 % of all votes (art. 3.87 §7)',
  'error.code.act_out_of_order': 'Act {seq} does not follow the last recorded act {last}',
  'error.code.act_time_invalid': 'Act {seq} has no valid time or is earlier than the previous act',
  'error.code.meeting_closed': 'Act {seq}: the meeting is closed; nothing more can be recorded',
  'error.code.meeting_already_opened': 'Act {seq}: the meeting is already open',
  'error.code.meeting_not_opened': 'Act {seq}: open the meeting before voting',
  'error.code.quorum_not_reached':
    'Act {seq}: the quorum was not reached at the opening (art. 3.87 §5); the assembly cannot deliberate',
  'error.code.unknown_owner': 'Act {seq}: this owner has no vote in this meeting',
  'error.code.unknown_resolution': 'Act {seq}: this resolution is not on the agenda',
  'error.code.already_present': 'Act {seq}: this owner is already checked in',
  'error.code.not_present': 'Act {seq}: this owner is not checked in',
  'error.code.no_proxy': 'Act {seq}: this owner has no proxy to revoke',
  'error.code.vote_already_open': 'Act {seq}: another vote is open; close it first (one vote at a time)',
  'error.code.vote_not_open': 'Act {seq}: no vote is open on this resolution',
  'error.code.vote_still_open': 'Act {seq}: a vote is still open; close it first',
  'error.code.resolution_already_voted': 'Act {seq}: this resolution was already voted',
  'error.code.owner_excluded':
    'Act {seq}: this owner (or their proxy holder) may not vote on this item, being mandated or employed by the association for it (art. 3.87 §9)',
  'error.code.owner_absent':
    'Act {seq}: this owner is neither present nor represented now; only those present at the vote count (art. 3.87 §8)',
  'error.code.already_voted': 'Act {seq}: this owner already voted on this resolution',
  'error.code.invalid_payload': 'Act {seq}: its content does not fit its kind',
  'error.code.postal_letters_pending':
    '{pending} of the {total} postal convocations are still being prepared; try again in a moment',
  'error.code.no_postal_letters': 'No owner of this meeting is convened by post',
  'error.code.proxy_revoke_too_late':
    'The meeting’s log has started: a proxy is now revoked in the room (the desk records its revocation)',
  'error.field.majorityBelowStatutes':
    'is below the {required} majority the building’s statutes require for this decision type',
  'error.field.statutoryMajorityBelowLaw':
    'is below the {required} majority the law requires ({article}); statutes may only raise it',
  'error.field.notDecisionType': 'is not a decision type',
} as const
