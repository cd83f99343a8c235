import type { assemblyErrorsEn } from './assembly-en.ts'

export const assemblyErrorsNl: Record<keyof typeof assemblyErrorsEn, string> = {
  'error.title.unprocessable': 'Onverwerkbaar verzoek',
  'error.msg.invalidResolution': 'Ongeldig besluit',
  'error.msg.invalidProxy': 'Ongeldige volmacht',
  'error.entity.Resolution': 'Besluit',
  'error.entity.Proxy': 'Volmacht',
  'error.field.majorityBelowLaw':
    'ligt onder de meerderheid {required} die de wet voor dit soort besluit eist',
  'error.code.meeting_has_log':
    'Deze vergadering heeft een vastgelegd logboek; ze wordt als geschiedenis bewaard',
  'error.code.meeting_log_started':
    'Het logboek van de vergadering is begonnen: de agenda en de online volmachten liggen vast',
  'error.code.meeting_act_conflict':
    'Akte {seq} verschilt van de akte die al met dat nummer is opgeslagen (het logboek eindigt bij akte {last_seq}, hash {last_hash})',
  'error.code.log_seq_gap': 'Akte {seq} volgt niet op akte {previous} van het logboek',
  'error.code.log_prev_hash_mismatch':
    'Akte {seq} verwijst niet naar de hash van akte {previous}: de keten is verbroken',
  'error.code.log_hash_mismatch': 'Akte {seq} werd gewijzigd: de hash past niet bij de inhoud',
  'error.code.proxy_grantor_unknown': 'De volmachtgever heeft geen stem in deze vergadering',
  'error.code.proxy_holder_unknown': 'De volmachthouder is geen eigenaar in dit gebouw; geef zijn naam op',
  'error.code.proxy_holder_missing':
    'Een volmacht noemt de volmachthouder: een eigenaar of een persoon bij naam',
  'error.code.proxy_to_self': 'Een eigenaar kan zichzelf geen volmacht geven',
  'error.code.proxy_holder_is_syndic':
    'De syndicus en zijn personeel mogen geen volmacht van een eigenaar houden (art. 3.87 §7)',
  'error.code.proxy_already_given': 'Deze eigenaar gaf al een volmacht; trek die eerst in',
  'error.code.proxy_grantor_present': 'De eigenaar is aanwezig en stemt zelf; registreer eerst zijn vertrek',
  'error.code.proxy_limit':
    'Dit zou volmacht nr. {count} van de houder zijn, die dan {held} van de {total} stemmen heeft: meer dan drie volmachten enkel als zijn eigen en vertegenwoordigde stemmen binnen 10 % van alle stemmen blijven (art. 3.87 §7)',
  'error.code.act_out_of_order': 'Akte {seq} volgt niet op de laatst opgeslagen akte {last}',
  'error.code.act_time_invalid': 'Akte {seq} heeft geen geldig tijdstip of ligt vóór de vorige akte',
  'error.code.meeting_closed': 'Akte {seq}: de vergadering is gesloten; er kan niets meer worden vastgelegd',
  'error.code.meeting_already_opened': 'Akte {seq}: de vergadering is al geopend',
  'error.code.meeting_not_opened': 'Akte {seq}: open de vergadering vóór de stemming',
  'error.code.quorum_not_reached':
    'Akte {seq}: het quorum was bij de opening niet bereikt (art. 3.87 §5); de vergadering kan niet beraadslagen',
  'error.code.unknown_owner': 'Akte {seq}: deze eigenaar heeft geen stem in deze vergadering',
  'error.code.unknown_resolution': 'Akte {seq}: dit besluit staat niet op de agenda',
  'error.code.already_present': 'Akte {seq}: deze eigenaar is al aangemeld',
  'error.code.not_present': 'Akte {seq}: deze eigenaar is niet aangemeld',
  'error.code.no_proxy': 'Akte {seq}: deze eigenaar heeft geen volmacht om in te trekken',
  'error.code.vote_already_open':
    'Akte {seq}: een andere stemming is open; sluit die eerst (één stemming tegelijk)',
  'error.code.vote_not_open': 'Akte {seq}: er is geen stemming open over dit besluit',
  'error.code.vote_still_open': 'Akte {seq}: er is nog een stemming open; sluit die eerst',
  'error.code.resolution_already_voted': 'Akte {seq}: over dit besluit werd al gestemd',
  'error.code.owner_excluded':
    'Akte {seq}: deze eigenaar (of zijn volmachthouder) mag niet stemmen over dit punt, als lasthebber of werknemer van de vereniging daarvoor (art. 3.87 §9)',
  'error.code.owner_absent':
    'Akte {seq}: deze eigenaar is niet aanwezig of vertegenwoordigd; enkel wie bij de stemming aanwezig is telt (art. 3.87 §8)',
  'error.code.already_voted': 'Akte {seq}: deze eigenaar heeft al over dit besluit gestemd',
  'error.code.invalid_payload': 'Akte {seq}: de inhoud past niet bij het soort akte',
  'error.code.postal_letters_pending':
    '{pending} van de {total} oproepingen per post worden nog voorbereid; probeer het zo meteen opnieuw',
  'error.code.no_postal_letters': 'Geen enkele eigenaar van deze vergadering wordt per post opgeroepen',
  'error.code.proxy_revoke_too_late':
    'Het register van de vergadering is geopend: een volmacht wordt nu in de zaal herroepen (het bureau registreert de herroeping)',
  'error.field.majorityBelowStatutes':
    'is lager dan de meerderheid {required} die de statuten van het gebouw voor dit soort beslissing vereisen',
  'error.field.statutoryMajorityBelowLaw':
    'is lager dan de meerderheid {required} die de wet vereist ({article}); de statuten kunnen ze enkel verhogen',
  'error.field.notDecisionType': 'is geen soort beslissing',
}
