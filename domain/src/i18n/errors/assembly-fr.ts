import type { assemblyErrorsEn } from './assembly-en.ts'

export const assemblyErrorsFr: Record<keyof typeof assemblyErrorsEn, string> = {
  'error.title.unprocessable': 'Requête non traitable',
  'error.msg.invalidResolution': 'Résolution invalide',
  'error.msg.invalidProxy': 'Procuration invalide',
  'error.entity.Resolution': 'Résolution',
  'error.entity.Proxy': 'Procuration',
  'error.field.majorityBelowLaw':
    'est inférieure à la majorité {required} que la loi exige pour ce type de décision',
  'error.code.meeting_has_log':
    'Cette assemblée a un journal enregistré ; elle est conservée comme historique',
  'error.code.meeting_log_started':
    'Le journal de l’assemblée a commencé : l’ordre du jour et les procurations en ligne sont figés',
  'error.code.meeting_act_conflict':
    'L’acte {seq} diffère de l’acte déjà enregistré sous ce numéro (le journal s’arrête à l’acte {last_seq}, empreinte {last_hash})',
  'error.code.log_seq_gap': 'L’acte {seq} ne suit pas l’acte {previous} du journal',
  'error.code.log_prev_hash_mismatch':
    'L’acte {seq} ne renvoie pas à l’empreinte de l’acte {previous} : la chaîne est rompue',
  'error.code.log_hash_mismatch':
    'L’acte {seq} a été modifié : son empreinte ne correspond pas à son contenu',
  'error.code.proxy_grantor_unknown': 'Le mandant n’a pas de voix dans cette assemblée',
  'error.code.proxy_holder_unknown':
    'Le mandataire n’est pas copropriétaire de cet immeuble ; indiquez son nom',
  'error.code.proxy_holder_missing':
    'Une procuration désigne son mandataire : un copropriétaire ou une personne nommée',
  'error.code.proxy_to_self': 'Un copropriétaire ne peut se donner procuration à lui-même',
  'error.code.proxy_holder_is_syndic':
    'Le syndic et son personnel ne peuvent être mandataires d’un copropriétaire (art. 3.87 §7)',
  'error.code.proxy_already_given': 'Ce copropriétaire a déjà donné une procuration ; révoquez-la d’abord',
  'error.code.proxy_grantor_present':
    'Le copropriétaire est présent et vote lui-même ; enregistrez d’abord son départ',
  'error.code.proxy_limit':
    'Ce serait la procuration n° {count} du mandataire, qui détiendrait alors {held} voix sur {total} : plus de trois procurations seulement si ses voix et celles de ses mandants ne dépassent pas 10 % du total (art. 3.87 §7)',
  'error.code.act_out_of_order': 'L’acte {seq} ne suit pas le dernier acte enregistré {last}',
  'error.code.act_time_invalid': 'L’acte {seq} n’a pas d’heure valable ou précède l’acte précédent',
  'error.code.meeting_closed': 'Acte {seq} : l’assemblée est clôturée ; plus rien ne peut être enregistré',
  'error.code.meeting_already_opened': 'Acte {seq} : l’assemblée est déjà ouverte',
  'error.code.meeting_not_opened': 'Acte {seq} : ouvrez l’assemblée avant de voter',
  'error.code.quorum_not_reached':
    'Acte {seq} : le quorum n’était pas atteint à l’ouverture (art. 3.87 §5) ; l’assemblée ne peut délibérer',
  'error.code.unknown_owner': 'Acte {seq} : ce copropriétaire n’a pas de voix dans cette assemblée',
  'error.code.unknown_resolution': 'Acte {seq} : cette résolution n’est pas à l’ordre du jour',
  'error.code.already_present': 'Acte {seq} : ce copropriétaire est déjà enregistré comme présent',
  'error.code.not_present': 'Acte {seq} : ce copropriétaire n’est pas enregistré comme présent',
  'error.code.no_proxy': 'Acte {seq} : ce copropriétaire n’a pas de procuration à révoquer',
  'error.code.vote_already_open':
    'Acte {seq} : un autre vote est ouvert ; clôturez-le d’abord (un vote à la fois)',
  'error.code.vote_not_open': 'Acte {seq} : aucun vote n’est ouvert sur cette résolution',
  'error.code.vote_still_open': 'Acte {seq} : un vote est encore ouvert ; clôturez-le d’abord',
  'error.code.resolution_already_voted': 'Acte {seq} : cette résolution a déjà été votée',
  'error.code.owner_excluded':
    'Acte {seq} : ce copropriétaire (ou son mandataire) ne peut voter sur ce point, mandaté ou employé par l’association pour celui-ci (art. 3.87 §9)',
  'error.code.owner_absent':
    'Acte {seq} : ce copropriétaire n’est ni présent ni représenté ; seuls comptent les présents au moment du vote (art. 3.87 §8)',
  'error.code.already_voted': 'Acte {seq} : ce copropriétaire a déjà voté sur cette résolution',
  'error.code.invalid_payload': 'Acte {seq} : son contenu ne correspond pas à son type',
  'error.code.postal_letters_pending':
    '{pending} des {total} convocations postales sont encore en préparation ; réessayez dans un instant',
  'error.code.no_postal_letters': 'Aucun copropriétaire de cette assemblée n’est convoqué par la poste',
  'error.code.proxy_revoke_too_late':
    'Le registre de l’assemblée est ouvert : une procuration se révoque désormais en séance (le bureau enregistre la révocation)',
  'error.field.majorityBelowStatutes':
    'est inférieure à la majorité {required} que les statuts de l’immeuble exigent pour ce type de décision',
  'error.field.statutoryMajorityBelowLaw':
    'est inférieure à la majorité {required} que la loi exige ({article}) ; les statuts peuvent seulement la relever',
  'error.field.notDecisionType': 'n’est pas un type de décision',
}
