// Texts of the minutes (procès-verbal) of a general assembly (issue #14 item 7), per language.
import type { ConvocationLang } from './convocation-messages.ts'

export type MinutesTexts = Readonly<
  Record<
    | 'title'
    | 'held'
    | 'attendance'
    | 'owner'
    | 'votes'
    | 'status'
    | 'present'
    | 'represented'
    | 'absent'
    | 'quorum'
    | 'quorumReached'
    | 'quorumNotReached'
    | 'decisions'
    | 'majority'
    | 'result'
    | 'adopted'
    | 'rejected'
    | 'pending'
    | 'open'
    | 'for'
    | 'against'
    | 'abstain'
    | 'againstNames'
    | 'abstainNames'
    | 'signatures'
    | 'noSignature'
    | 'rootHash'
    | 'hashNote'
    | 'chair'
    | 'secretary'
    | 'ownerRole'
    | 'none',
    string
  >
>

export const MINUTES_TEXTS: Readonly<Record<ConvocationLang, MinutesTexts>> = {
  fr: {
    title: 'Procès-verbal de l’assemblée générale',
    held: 'Assemblée tenue le {date}, {place}',
    attendance: 'Liste des présences',
    owner: 'Copropriétaire',
    votes: 'Voix',
    status: 'Présence',
    present: 'présent',
    represented: 'représenté',
    absent: 'absent',
    quorum: 'Quorum (Code civil art. 3.87 §5)',
    quorumReached: 'atteint',
    quorumNotReached: 'non atteint',
    decisions: 'Décisions',
    majority: 'Majorité',
    result: 'Résultat',
    adopted: 'adoptée',
    rejected: 'rejetée',
    pending: 'non votée',
    open: 'vote non clôturé',
    for: 'Pour',
    against: 'Contre',
    abstain: 'Abstentions',
    againstNames: 'Ont voté contre : {names}',
    abstainNames: 'Se sont abstenus : {names}',
    signatures: 'Signatures',
    noSignature: 'Aucune signature enregistrée.',
    rootHash: 'Empreinte du registre (hash racine)',
    hashNote:
      'Empreinte SHA-256 du dernier acte du registre chaîné de la séance ({count} actes) : toute modification ultérieure est détectable.',
    chair: 'Président',
    secretary: 'Secrétaire',
    ownerRole: 'Copropriétaire',
    none: '—',
  },
  nl: {
    title: 'Notulen van de algemene vergadering',
    held: 'Vergadering gehouden op {date}, {place}',
    attendance: 'Aanwezigheidslijst',
    owner: 'Mede-eigenaar',
    votes: 'Stemmen',
    status: 'Aanwezigheid',
    present: 'aanwezig',
    represented: 'vertegenwoordigd',
    absent: 'afwezig',
    quorum: 'Quorum (BW art. 3.87 §5)',
    quorumReached: 'bereikt',
    quorumNotReached: 'niet bereikt',
    decisions: 'Beslissingen',
    majority: 'Meerderheid',
    result: 'Resultaat',
    adopted: 'aangenomen',
    rejected: 'verworpen',
    pending: 'niet gestemd',
    open: 'stemming niet afgesloten',
    for: 'Voor',
    against: 'Tegen',
    abstain: 'Onthoudingen',
    againstNames: 'Stemden tegen: {names}',
    abstainNames: 'Onthielden zich: {names}',
    signatures: 'Handtekeningen',
    noSignature: 'Geen handtekening geregistreerd.',
    rootHash: 'Vingerafdruk van het register (root-hash)',
    hashNote:
      'SHA-256-vingerafdruk van de laatste akte van het gekoppelde register van de zitting ({count} akten): elke latere wijziging is detecteerbaar.',
    chair: 'Voorzitter',
    secretary: 'Secretaris',
    ownerRole: 'Mede-eigenaar',
    none: '—',
  },
  de: {
    title: 'Protokoll der Generalversammlung',
    held: 'Versammlung vom {date}, {place}',
    attendance: 'Anwesenheitsliste',
    owner: 'Miteigentümer',
    votes: 'Stimmen',
    status: 'Anwesenheit',
    present: 'anwesend',
    represented: 'vertreten',
    absent: 'abwesend',
    quorum: 'Quorum (ZGB Art. 3.87 §5)',
    quorumReached: 'erreicht',
    quorumNotReached: 'nicht erreicht',
    decisions: 'Beschlüsse',
    majority: 'Mehrheit',
    result: 'Ergebnis',
    adopted: 'angenommen',
    rejected: 'abgelehnt',
    pending: 'nicht abgestimmt',
    open: 'Abstimmung nicht geschlossen',
    for: 'Dafür',
    against: 'Dagegen',
    abstain: 'Enthaltungen',
    againstNames: 'Dagegen stimmten: {names}',
    abstainNames: 'Enthalten haben sich: {names}',
    signatures: 'Unterschriften',
    noSignature: 'Keine Unterschrift erfasst.',
    rootHash: 'Fingerabdruck des Registers (Root-Hash)',
    hashNote:
      'SHA-256-Fingerabdruck der letzten Handlung des verketteten Sitzungsregisters ({count} Handlungen): jede spätere Änderung ist erkennbar.',
    chair: 'Vorsitz',
    secretary: 'Sekretär',
    ownerRole: 'Miteigentümer',
    none: '—',
  },
  en: {
    title: 'Minutes of the general assembly',
    held: 'Assembly held on {date}, {place}',
    attendance: 'Attendance',
    owner: 'Co-owner',
    votes: 'Votes',
    status: 'Attendance',
    present: 'present',
    represented: 'represented',
    absent: 'absent',
    quorum: 'Quorum (Civil Code art. 3.87 §5)',
    quorumReached: 'reached',
    quorumNotReached: 'not reached',
    decisions: 'Decisions',
    majority: 'Majority',
    result: 'Result',
    adopted: 'adopted',
    rejected: 'rejected',
    pending: 'not voted',
    open: 'vote not closed',
    for: 'For',
    against: 'Against',
    abstain: 'Abstentions',
    againstNames: 'Voted against: {names}',
    abstainNames: 'Abstained: {names}',
    signatures: 'Signatures',
    noSignature: 'No signature recorded.',
    rootHash: 'Log fingerprint (root hash)',
    hashNote:
      'SHA-256 fingerprint of the last act of the session’s hash-chained log ({count} acts): any later change is detectable.',
    chair: 'Chair',
    secretary: 'Secretary',
    ownerRole: 'Co-owner',
    none: '—',
  },
}
