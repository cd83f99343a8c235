import type { assemblyErrorsEn } from './assembly-en.ts'

export const assemblyErrorsDe: Record<keyof typeof assemblyErrorsEn, string> = {
  'error.title.unprocessable': 'Nicht verarbeitbare Anfrage',
  'error.msg.invalidResolution': 'Ungültiger Beschluss',
  'error.msg.invalidProxy': 'Ungültige Vollmacht',
  'error.entity.Resolution': 'Beschluss',
  'error.entity.Proxy': 'Vollmacht',
  'error.field.majorityBelowLaw':
    'liegt unter der Mehrheit {required}, die das Gesetz für diese Beschlussart verlangt',
  'error.code.meeting_has_log':
    'Diese Versammlung hat ein erfasstes Protokoll; sie bleibt als Verlauf erhalten',
  'error.code.meeting_log_started':
    'Das Protokoll der Versammlung hat begonnen: Tagesordnung und Online-Vollmachten stehen fest',
  'error.code.meeting_act_conflict':
    'Akt {seq} weicht vom bereits unter dieser Nummer gespeicherten Akt ab (das Protokoll endet bei Akt {last_seq}, Hash {last_hash})',
  'error.code.log_seq_gap': 'Akt {seq} folgt nicht auf Akt {previous} des Protokolls',
  'error.code.log_prev_hash_mismatch':
    'Akt {seq} verweist nicht auf den Hash von Akt {previous}: die Kette ist unterbrochen',
  'error.code.log_hash_mismatch': 'Akt {seq} wurde verändert: sein Hash passt nicht zu seinem Inhalt',
  'error.code.proxy_grantor_unknown': 'Der Vollmachtgeber hat in dieser Versammlung keine Stimme',
  'error.code.proxy_holder_unknown':
    'Der Bevollmächtigte ist kein Eigentümer dieses Gebäudes; nennen Sie seinen Namen',
  'error.code.proxy_holder_missing':
    'Eine Vollmacht nennt den Bevollmächtigten: einen Eigentümer oder eine Person mit Namen',
  'error.code.proxy_to_self': 'Ein Eigentümer kann sich nicht selbst bevollmächtigen',
  'error.code.proxy_holder_is_syndic':
    'Der Syndikus und sein Personal dürfen keine Vollmacht eines Eigentümers halten (Art. 3.87 §7)',
  'error.code.proxy_already_given':
    'Dieser Eigentümer hat bereits eine Vollmacht erteilt; widerrufen Sie sie zuerst',
  'error.code.proxy_grantor_present':
    'Der Eigentümer ist anwesend und stimmt selbst; erfassen Sie zuerst seinen Weggang',
  'error.code.proxy_limit':
    'Das wäre Vollmacht Nr. {count} des Bevollmächtigten, der dann {held} von {total} Stimmen hielte: mehr als drei Vollmachten nur, solange seine eigenen und die vertretenen Stimmen 10 % aller Stimmen nicht übersteigen (Art. 3.87 §7)',
  'error.code.act_out_of_order': 'Akt {seq} folgt nicht auf den zuletzt gespeicherten Akt {last}',
  'error.code.act_time_invalid': 'Akt {seq} hat keine gültige Zeit oder liegt vor dem vorigen Akt',
  'error.code.meeting_closed': 'Akt {seq}: die Versammlung ist geschlossen; nichts kann mehr erfasst werden',
  'error.code.meeting_already_opened': 'Akt {seq}: die Versammlung ist bereits eröffnet',
  'error.code.meeting_not_opened': 'Akt {seq}: eröffnen Sie die Versammlung vor der Abstimmung',
  'error.code.quorum_not_reached':
    'Akt {seq}: das Quorum war bei der Eröffnung nicht erreicht (Art. 3.87 §5); die Versammlung kann nicht beschließen',
  'error.code.unknown_owner': 'Akt {seq}: dieser Eigentümer hat in dieser Versammlung keine Stimme',
  'error.code.unknown_resolution': 'Akt {seq}: dieser Beschluss steht nicht auf der Tagesordnung',
  'error.code.already_present': 'Akt {seq}: dieser Eigentümer ist bereits angemeldet',
  'error.code.not_present': 'Akt {seq}: dieser Eigentümer ist nicht angemeldet',
  'error.code.no_proxy': 'Akt {seq}: dieser Eigentümer hat keine Vollmacht zu widerrufen',
  'error.code.vote_already_open':
    'Akt {seq}: eine andere Abstimmung ist offen; schließen Sie sie zuerst (eine Abstimmung nach der anderen)',
  'error.code.vote_not_open': 'Akt {seq}: über diesen Beschluss ist keine Abstimmung offen',
  'error.code.vote_still_open': 'Akt {seq}: eine Abstimmung ist noch offen; schließen Sie sie zuerst',
  'error.code.resolution_already_voted': 'Akt {seq}: über diesen Beschluss wurde bereits abgestimmt',
  'error.code.owner_excluded':
    'Akt {seq}: dieser Eigentümer (oder sein Bevollmächtigter) darf über diesen Punkt nicht abstimmen, da von der Vereinigung dafür beauftragt oder angestellt (Art. 3.87 §9)',
  'error.code.owner_absent':
    'Akt {seq}: dieser Eigentümer ist weder anwesend noch vertreten; nur die bei der Abstimmung Anwesenden zählen (Art. 3.87 §8)',
  'error.code.already_voted': 'Akt {seq}: dieser Eigentümer hat über diesen Beschluss bereits abgestimmt',
  'error.code.invalid_payload': 'Akt {seq}: sein Inhalt passt nicht zu seiner Art',
  'error.code.postal_letters_pending':
    '{pending} der {total} Einladungen per Post werden noch vorbereitet; versuchen Sie es gleich noch einmal',
  'error.code.no_postal_letters': 'Kein Eigentümer dieser Versammlung wird per Post eingeladen',
  'error.code.proxy_revoke_too_late':
    'Das Register der Versammlung ist eröffnet: eine Vollmacht wird jetzt im Saal widerrufen (das Büro erfasst den Widerruf)',
  'error.field.majorityBelowStatutes':
    'liegt unter der Mehrheit {required}, die die Satzung des Gebäudes für diese Art von Beschluss verlangt',
  'error.field.statutoryMajorityBelowLaw':
    'liegt unter der Mehrheit {required}, die das Gesetz verlangt ({article}); die Satzung kann sie nur erhöhen',
  'error.field.notDecisionType': 'ist keine Beschlussart',
}
