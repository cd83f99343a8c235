import { CONVOCATION_TEXTS, type ConvocationLang, fillTemplate } from '../../i18n/convocation-messages.ts'
import type { Organization } from '../../identity/index.ts'
import { type Building, syndicIdentity } from '../../property/index.ts'
import type { DocumentModel } from '../../shared/document-renderer.ts'
import type { Resolution } from '../assembly.ports.ts'
import type { Meeting } from '../meeting.entity.ts'
import type { AssemblySettings } from './assembly-settings.ts'

export type ConvocationInput = {
  readonly language: ConvocationLang
  readonly meeting: Meeting
  readonly building: Building
  readonly organization: Organization
  readonly settings: AssemblySettings
  readonly resolutions: readonly Resolution[]
  readonly ownerName: string
  readonly secondAssembly: boolean
  /** Titles of the documents attached to the meeting (accounts, quotes…). */
  readonly documents: readonly string[]
}

/** The meeting's date and time as the owner reads it, in Brussels time. */
export function formatMeetingDate(date: Date, language: ConvocationLang): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-BE`, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(date)
}

/**
 * The convocation letter (Civil Code art. 3.87 §3): date, place, agenda with each item's proposed
 * decision and the majority it needs (art. 3.88), how to take part (in person, by proxy — art. 3.87
 * §7 —, remotely when the statutes' settings offer it, art. 3.87 §1), a proxy form and the list of
 * attached documents, in the owner's language.
 */
export function convocationDocument(input: ConvocationInput): {
  readonly pdf: DocumentModel
  readonly subject: string
  readonly text: string
  readonly filename: string
} {
  const t = CONVOCATION_TEXTS[input.language]
  const { meeting, building } = input
  const date = formatMeetingDate(meeting.scheduledDate, input.language)
  const syndic = syndicIdentity(building, input.organization)
  const details = [syndic.address, [syndic.email, syndic.phone].filter(Boolean).join(' · ') || null].filter(
    (d): d is string => !!d,
  )
  const values = {
    owner: input.ownerName,
    building: building.name,
    date,
    place: meeting.location,
    syndic: syndic.name,
  }
  const agendaRows = input.resolutions.length
    ? input.resolutions.map((r, i) => [
        String(i + 1),
        r.title,
        r.proposedDecision ?? '—',
        t.majorities[r.majority],
      ])
    : meeting.agenda.map((item, i) => [String(i + 1), item, '—', t.majorities.absolute])
  const options = [t.inPerson, t.byProxy, ...(input.settings.remoteParticipation ? [t.remote] : [])]
  const pdf: DocumentModel = {
    title: `${t.title} — ${meeting.title}`,
    language: input.language,
    issuer: { name: syndic.name, details },
    blocks: [
      { kind: 'paragraph', text: fillTemplate(t.intro, values) },
      ...(input.secondAssembly ? [{ kind: 'paragraph' as const, text: t.secondAssembly }] : []),
      { kind: 'paragraph', text: `${t.date} : ${date}` },
      { kind: 'paragraph', text: `${t.place} : ${meeting.location}` },
      { kind: 'heading', text: t.agenda },
      {
        kind: 'table',
        columns: [
          { header: t.item, width: 1, align: 'left' },
          { header: t.agenda, width: 5, align: 'left' },
          { header: t.proposal, width: 7, align: 'left' },
          { header: t.majority, width: 4, align: 'left' },
        ],
        rows: agendaRows,
      },
      { kind: 'heading', text: t.participation },
      ...options.map((o) => ({ kind: 'paragraph' as const, text: `• ${o}` })),
      { kind: 'heading', text: t.documents },
      ...(input.documents.length
        ? input.documents.map((d) => ({ kind: 'paragraph' as const, text: `• ${d}` }))
        : [{ kind: 'paragraph' as const, text: t.noDocuments }]),
      { kind: 'heading', text: t.proxyForm },
      { kind: 'paragraph', text: fillTemplate(t.proxyText, values) },
      { kind: 'paragraph', text: fillTemplate(t.legal, { days: String(input.settings.noticeDays) }) },
    ],
  }
  const day = meeting.scheduledDate.toISOString().slice(0, 10)
  return {
    pdf,
    subject: fillTemplate(t.mailSubject, values),
    text: fillTemplate(t.mailBody, values),
    filename: `convocation-${day}.pdf`,
  }
}
