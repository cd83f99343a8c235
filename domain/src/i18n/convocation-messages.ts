// Texts of the convocation letter and its e-mail (issue #14), in the owner's language. Own
// fragment: the governance document builder reads it directly (governance/convocation/).
export type ConvocationLang = 'fr' | 'nl' | 'de' | 'en'

export type ConvocationTexts = {
  readonly title: string
  readonly intro: string
  readonly secondAssembly: string
  readonly date: string
  readonly place: string
  readonly agenda: string
  readonly item: string
  readonly proposal: string
  readonly majority: string
  readonly majorities: Readonly<Record<'absolute' | 'two_thirds' | 'four_fifths' | 'unanimity', string>>
  readonly participation: string
  readonly inPerson: string
  readonly byProxy: string
  readonly remote: string
  readonly proxyForm: string
  readonly proxyText: string
  readonly documents: string
  readonly noDocuments: string
  readonly legal: string
  readonly mailSubject: string
  readonly mailBody: string
}

export const CONVOCATION_TEXTS: Readonly<Record<ConvocationLang, ConvocationTexts>> = {
  fr: {
    title: 'Convocation à l’assemblée générale',
    intro:
      'Madame, Monsieur {owner}, vous êtes convoqué(e) à l’assemblée générale des copropriétaires de {building}.',
    secondAssembly:
      'Deuxième assemblée : la première n’a pas atteint le quorum ; celle-ci délibère quel que soit le nombre de présents (Code civil art. 3.87 §5).',
    date: 'Date',
    place: 'Lieu',
    agenda: 'Ordre du jour',
    item: 'Point',
    proposal: 'Proposition de décision',
    majority: 'Majorité requise',
    majorities: {
      absolute: 'majorité absolue',
      two_thirds: 'deux tiers des voix',
      four_fifths: 'quatre cinquièmes des voix',
      unanimity: 'unanimité des voix de tous les copropriétaires',
    },
    participation: 'Modes de participation',
    inPerson: 'En personne, au lieu indiqué.',
    byProxy: 'Par procuration écrite à un mandataire (formulaire ci-dessous).',
    remote: 'À distance, selon les modalités communiquées par le syndic.',
    proxyForm: 'Procuration',
    proxyText:
      'Je soussigné(e) {owner} donne procuration à ………………………………… pour me représenter à l’assemblée générale du {date} et voter en mon nom sur tous les points de l’ordre du jour. Date et signature :',
    documents: 'Documents joints',
    noDocuments: 'Aucun document joint.',
    legal: 'Convocation adressée au moins {days} jours avant l’assemblée (Code civil art. 3.87 §3).',
    mailSubject: 'Convocation — assemblée générale du {date}, {building}',
    mailBody:
      'Bonjour {owner},\n\nVous trouverez en pièce jointe la convocation à l’assemblée générale du {date} ({place}).\n\n{syndic}',
  },
  nl: {
    title: 'Oproeping tot de algemene vergadering',
    intro:
      'Geachte {owner}, u wordt opgeroepen tot de algemene vergadering van de mede-eigenaars van {building}.',
    secondAssembly:
      'Tweede vergadering: de eerste bereikte het quorum niet; deze beraadslaagt ongeacht het aantal aanwezigen (BW art. 3.87 §5).',
    date: 'Datum',
    place: 'Plaats',
    agenda: 'Agenda',
    item: 'Punt',
    proposal: 'Voorstel van beslissing',
    majority: 'Vereiste meerderheid',
    majorities: {
      absolute: 'volstrekte meerderheid',
      two_thirds: 'twee derde van de stemmen',
      four_fifths: 'vier vijfde van de stemmen',
      unanimity: 'eenparigheid van alle stemmen',
    },
    participation: 'Wijzen van deelname',
    inPerson: 'Persoonlijk, op de aangegeven plaats.',
    byProxy: 'Bij schriftelijke volmacht aan een lasthebber (formulier hieronder).',
    remote: 'Op afstand, volgens de door de syndicus meegedeelde regels.',
    proxyForm: 'Volmacht',
    proxyText:
      'Ondergetekende {owner} geeft volmacht aan ………………………………… om mij te vertegenwoordigen op de algemene vergadering van {date} en in mijn naam te stemmen over alle agendapunten. Datum en handtekening:',
    documents: 'Bijgevoegde documenten',
    noDocuments: 'Geen bijgevoegde documenten.',
    legal: 'Oproeping verzonden minstens {days} dagen vóór de vergadering (BW art. 3.87 §3).',
    mailSubject: 'Oproeping — algemene vergadering van {date}, {building}',
    mailBody:
      'Beste {owner},\n\nIn bijlage vindt u de oproeping tot de algemene vergadering van {date} ({place}).\n\n{syndic}',
  },
  de: {
    title: 'Einberufung zur Generalversammlung',
    intro:
      'Sehr geehrte(r) {owner}, Sie werden zur Generalversammlung der Miteigentümer von {building} einberufen.',
    secondAssembly:
      'Zweite Versammlung: die erste erreichte das Quorum nicht; diese beschließt unabhängig von der Zahl der Anwesenden (ZGB Art. 3.87 §5).',
    date: 'Datum',
    place: 'Ort',
    agenda: 'Tagesordnung',
    item: 'Punkt',
    proposal: 'Beschlussvorschlag',
    majority: 'Erforderliche Mehrheit',
    majorities: {
      absolute: 'absolute Mehrheit',
      two_thirds: 'zwei Drittel der Stimmen',
      four_fifths: 'vier Fünftel der Stimmen',
      unanimity: 'Einstimmigkeit aller Stimmen',
    },
    participation: 'Teilnahmemöglichkeiten',
    inPerson: 'Persönlich, am angegebenen Ort.',
    byProxy: 'Durch schriftliche Vollmacht an einen Bevollmächtigten (Formular unten).',
    remote: 'Aus der Ferne, nach den vom Syndikus mitgeteilten Regeln.',
    proxyForm: 'Vollmacht',
    proxyText:
      'Der/die Unterzeichnete {owner} bevollmächtigt ………………………………… zur Vertretung in der Generalversammlung vom {date} und zur Stimmabgabe zu allen Tagesordnungspunkten. Datum und Unterschrift:',
    documents: 'Beigefügte Unterlagen',
    noDocuments: 'Keine beigefügten Unterlagen.',
    legal: 'Einberufung mindestens {days} Tage vor der Versammlung versandt (ZGB Art. 3.87 §3).',
    mailSubject: 'Einberufung — Generalversammlung vom {date}, {building}',
    mailBody:
      'Guten Tag {owner},\n\nim Anhang finden Sie die Einberufung zur Generalversammlung vom {date} ({place}).\n\n{syndic}',
  },
  en: {
    title: 'Notice of general assembly',
    intro: 'Dear {owner}, you are convened to the general assembly of the co-owners of {building}.',
    secondAssembly:
      'Second assembly: the first did not reach the quorum; this one deliberates whatever the attendance (Civil Code art. 3.87 §5).',
    date: 'Date',
    place: 'Place',
    agenda: 'Agenda',
    item: 'Item',
    proposal: 'Proposed decision',
    majority: 'Required majority',
    majorities: {
      absolute: 'absolute majority',
      two_thirds: 'two thirds of the votes',
      four_fifths: 'four fifths of the votes',
      unanimity: 'unanimity of all votes',
    },
    participation: 'How to take part',
    inPerson: 'In person, at the place above.',
    byProxy: 'By written proxy to a holder (form below).',
    remote: 'Remotely, as the syndic will communicate.',
    proxyForm: 'Proxy',
    proxyText:
      'I, {owner}, give my proxy to ………………………………… to represent me at the general assembly of {date} and vote in my name on every agenda item. Date and signature:',
    documents: 'Attached documents',
    noDocuments: 'No attached documents.',
    legal: 'Notice sent at least {days} days before the assembly (Civil Code art. 3.87 §3).',
    mailSubject: 'Notice — general assembly of {date}, {building}',
    mailBody:
      'Hello {owner},\n\nPlease find attached the notice of the general assembly of {date} ({place}).\n\n{syndic}',
  },
}

export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
}
