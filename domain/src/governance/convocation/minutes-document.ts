import { CONVOCATION_TEXTS, type ConvocationLang, fillTemplate } from '../../i18n/convocation-messages.ts'
import { MINUTES_TEXTS } from '../../i18n/minutes-messages.ts'
import type { Organization } from '../../identity/index.ts'
import { type Building, syndicIdentity } from '../../property/index.ts'
import type { DocumentModel } from '../../shared/document-renderer.ts'
import type { MeetingState } from '../assembly/index.ts'
import type { Resolution } from '../assembly.ports.ts'
import type { Meeting } from '../meeting.entity.ts'
import { formatMeetingDate } from './convocation-document.ts'

/**
 * The minutes (art. 3.87 §10-12) built only from what the log recorded, replayed by the law's
 * rules: attendance, the quorum at the opening, each decision with its majority, the votes and
 * the names of those who voted against or abstained, the signatures (`signed` acts), and the
 * log's root hash (the last act's hash), so a later change to the log is detectable.
 */
export function minutesDocument(input: {
  readonly language: ConvocationLang
  readonly meeting: Meeting
  readonly building: Building
  readonly organization: Organization
  readonly resolutions: readonly Resolution[]
  readonly state: MeetingState
  readonly actCount: number
}): DocumentModel {
  const { language, meeting, state } = input
  const t = MINUTES_TEXTS[language]
  const majorities = CONVOCATION_TEXTS[language].majorities
  const syndic = syndicIdentity(input.building, input.organization)
  const names = new Map(state.attendance.map((a) => [a.ownerId, a.name]))
  const nameList = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ') || t.none
  const roles = { chair: t.chair, secretary: t.secretary, owner: t.ownerRole } as const
  const decisions = input.resolutions.flatMap((r, i) => {
    const res = state.resolutions.find((x) => x.resolutionId === r.id)
    if (!res) return []
    const against = res.ballots.filter((b) => b.choice === 'against').map((b) => b.ownerId)
    const abstain = res.ballots.filter((b) => b.choice === 'abstain').map((b) => b.ownerId)
    return [
      { kind: 'heading' as const, text: `${i + 1}. ${r.title}` },
      ...(r.proposedDecision ? [{ kind: 'paragraph' as const, text: r.proposedDecision }] : []),
      {
        kind: 'paragraph' as const,
        text: `${t.majority} : ${majorities[res.majority]} — ${t.result} : ${t[res.status]} — ${t.for} ${res.for}, ${t.against} ${res.against}, ${t.abstain} ${res.abstain}`,
      },
      { kind: 'paragraph' as const, text: res.explanation },
      { kind: 'paragraph' as const, text: fillTemplate(t.againstNames, { names: nameList(against) }) },
      { kind: 'paragraph' as const, text: fillTemplate(t.abstainNames, { names: nameList(abstain) }) },
    ]
  })
  return {
    title: `${t.title} — ${meeting.title}`,
    language,
    issuer: { name: syndic.name, details: [syndic.address, syndic.email].filter((d): d is string => !!d) },
    blocks: [
      {
        kind: 'paragraph',
        text: fillTemplate(t.held, {
          date: formatMeetingDate(meeting.scheduledDate, language),
          place: meeting.location,
        }),
      },
      { kind: 'heading', text: t.attendance },
      {
        kind: 'table',
        columns: [
          { header: t.owner, width: 6, align: 'left' },
          { header: t.votes, width: 2, align: 'right' },
          { header: t.status, width: 4, align: 'left' },
        ],
        rows: state.attendance.map((a) => [
          a.name,
          String(a.votes),
          a.status === 'represented' && a.representedBy
            ? `${t.represented} (${a.representedBy.name})`
            : t[a.status],
        ]),
      },
      { kind: 'heading', text: t.quorum },
      {
        kind: 'paragraph',
        text: `${state.quorum.reached ? t.quorumReached : t.quorumNotReached} — ${state.quorum.explanation}`,
      },
      { kind: 'heading', text: t.decisions },
      ...decisions,
      { kind: 'heading', text: t.signatures },
      ...(state.signatures.length
        ? state.signatures.map((s) => ({
            kind: 'paragraph' as const,
            text: `${roles[s.role]} : ${s.name} (${s.at})`,
          }))
        : [{ kind: 'paragraph' as const, text: t.noSignature }]),
      { kind: 'heading', text: t.rootHash },
      { kind: 'paragraph', text: state.lastHash },
      { kind: 'paragraph', text: fillTemplate(t.hashNote, { count: String(input.actCount) }) },
    ],
  }
}
