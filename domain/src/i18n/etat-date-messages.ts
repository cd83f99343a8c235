// Texts of the état daté (Civil Code art. 3.94) PDF, the four languages side by side; the
// request's language chooses one. `etatDateEn` defines the keys; the others must have them all.
export const etatDateEn = {
  'etatDate.title': 'Statement for the sale of lot {lot} (état daté, Civil Code art. 3.94)',
  'etatDate.file': 'etat-date',
  'etatDate.building': 'Building: {building}',
  'etatDate.lot': 'Lot: {lot} — {quota} / {total} shares',
  'etatDate.owners': 'Owner(s) on {date}: {owners}',
  'etatDate.request': 'Requested by {by} on {date}{reference}.',
  'etatDate.basis.art_3_94_1':
    'Information before the sale agreement (art. 3.94 §1): due within 15 days of the request.',
  'etatDate.basis.art_3_94_2':
    'Notary’s request before the deed (art. 3.94 §2): due within 30 days of the request.',
  'etatDate.deadline': 'Legal deadline: {date}.',
  'etatDate.deed': 'Expected date of transfer: {date}.',
  'etatDate.figures': 'Amounts of the lot on {date} (from the owner account)',
  'etatDate.item': 'Item',
  'etatDate.called': 'Called',
  'etatDate.paid': 'Paid',
  'etatDate.outstanding': 'Outstanding',
  'etatDate.kind.provision': 'Provisions for the working capital',
  'etatDate.kind.reserve': 'Contributions to the reserve fund',
  'etatDate.kind.extraordinary': 'Extraordinary calls (works decided)',
  'etatDate.total': 'Total',
  'etatDate.arrears': 'Arrears due by the seller (due date passed): {amount}.',
  'etatDate.notYetDue': 'Calls approved but not yet due: {amount}.',
  'etatDate.reserveStays':
    'The seller’s share in the reserve fund remains the property of the association (art. 3.94).',
  'etatDate.procedures': 'Pending legal proceedings: {text}',
  'etatDate.works': 'Works and expenses decided but not yet called: {text}',
  'etatDate.none': 'none declared by the syndic',
  'etatDate.issued': 'Issued on {date} by the syndic, subject to the approval of the accounts.',
} as const

export type EtatDateMessageKey = keyof typeof etatDateEn

export const etatDateFr: Record<EtatDateMessageKey, string> = {
  'etatDate.title': 'État daté du lot {lot} (Code civil, art. 3.94)',
  'etatDate.file': 'etat-date',
  'etatDate.building': 'Immeuble : {building}',
  'etatDate.lot': 'Lot : {lot} — {quota} / {total} quotités',
  'etatDate.owners': 'Propriétaire(s) au {date} : {owners}',
  'etatDate.request': 'Demandé par {by} le {date}{reference}.',
  'etatDate.basis.art_3_94_1':
    'Informations préalables au compromis (art. 3.94 §1) : à communiquer dans les quinze jours de la demande.',
  'etatDate.basis.art_3_94_2':
    'Demande du notaire avant l’acte (art. 3.94 §2) : à communiquer dans les trente jours de la demande.',
  'etatDate.deadline': 'Délai légal : {date}.',
  'etatDate.deed': 'Date prévue du transfert : {date}.',
  'etatDate.figures': 'Montants du lot au {date} (compte du propriétaire)',
  'etatDate.item': 'Poste',
  'etatDate.called': 'Appelé',
  'etatDate.paid': 'Payé',
  'etatDate.outstanding': 'Solde dû',
  'etatDate.kind.provision': 'Provisions pour le fonds de roulement',
  'etatDate.kind.reserve': 'Contributions au fonds de réserve',
  'etatDate.kind.extraordinary': 'Appels extraordinaires (travaux décidés)',
  'etatDate.total': 'Total',
  'etatDate.arrears': 'Arriérés dus par le cédant (échéance passée) : {amount}.',
  'etatDate.notYetDue': 'Appels approuvés non encore échus : {amount}.',
  'etatDate.reserveStays':
    'La quote-part du cédant dans le fonds de réserve demeure la propriété de l’association (art. 3.94).',
  'etatDate.procedures': 'Procédures judiciaires en cours : {text}',
  'etatDate.works': 'Travaux et dépenses décidés non encore appelés : {text}',
  'etatDate.none': 'néant selon le syndic',
  'etatDate.issued': 'Établi le {date} par le syndic, sous réserve de l’approbation des comptes.',
}

export const etatDateNl: Record<EtatDateMessageKey, string> = {
  'etatDate.title': 'Staat van lot {lot} bij overdracht (Burgerlijk Wetboek, art. 3.94)',
  'etatDate.file': 'staat-bij-overdracht',
  'etatDate.building': 'Gebouw: {building}',
  'etatDate.lot': 'Kavel: {lot} — {quota} / {total} aandelen',
  'etatDate.owners': 'Eigenaar(s) op {date}: {owners}',
  'etatDate.request': 'Aangevraagd door {by} op {date}{reference}.',
  'etatDate.basis.art_3_94_1':
    'Inlichtingen vóór de verkoopovereenkomst (art. 3.94 §1): binnen vijftien dagen na de aanvraag.',
  'etatDate.basis.art_3_94_2':
    'Aanvraag van de notaris vóór de akte (art. 3.94 §2): binnen dertig dagen na de aanvraag.',
  'etatDate.deadline': 'Wettelijke termijn: {date}.',
  'etatDate.deed': 'Verwachte datum van overdracht: {date}.',
  'etatDate.figures': 'Bedragen van de kavel op {date} (rekening van de eigenaar)',
  'etatDate.item': 'Post',
  'etatDate.called': 'Opgevraagd',
  'etatDate.paid': 'Betaald',
  'etatDate.outstanding': 'Openstaand',
  'etatDate.kind.provision': 'Voorschotten werkkapitaal',
  'etatDate.kind.reserve': 'Bijdragen reservekapitaal',
  'etatDate.kind.extraordinary': 'Buitengewone opvragingen (beslist werk)',
  'etatDate.total': 'Totaal',
  'etatDate.arrears': 'Achterstallen van de verkoper (vervaldag verstreken): {amount}.',
  'etatDate.notYetDue': 'Goedgekeurde, nog niet vervallen opvragingen: {amount}.',
  'etatDate.reserveStays':
    'Het aandeel van de verkoper in het reservekapitaal blijft eigendom van de vereniging (art. 3.94).',
  'etatDate.procedures': 'Hangende gerechtelijke procedures: {text}',
  'etatDate.works': 'Beslist, nog niet opgevraagd werk en uitgaven: {text}',
  'etatDate.none': 'geen volgens de syndicus',
  'etatDate.issued':
    'Opgemaakt op {date} door de syndicus, onder voorbehoud van goedkeuring van de rekeningen.',
}

export const etatDateDe: Record<EtatDateMessageKey, string> = {
  'etatDate.title': 'Aufstellung zum Verkauf des Loses {lot} (Zivilgesetzbuch, Art. 3.94)',
  'etatDate.file': 'aufstellung-verkauf',
  'etatDate.building': 'Gebäude: {building}',
  'etatDate.lot': 'Los: {lot} — {quota} / {total} Anteile',
  'etatDate.owners': 'Eigentümer am {date}: {owners}',
  'etatDate.request': 'Angefordert von {by} am {date}{reference}.',
  'etatDate.basis.art_3_94_1':
    'Auskünfte vor dem Kaufvertrag (Art. 3.94 §1): binnen fünfzehn Tagen nach der Anfrage.',
  'etatDate.basis.art_3_94_2':
    'Anfrage des Notars vor der Urkunde (Art. 3.94 §2): binnen dreißig Tagen nach der Anfrage.',
  'etatDate.deadline': 'Gesetzliche Frist: {date}.',
  'etatDate.deed': 'Voraussichtliches Datum der Übertragung: {date}.',
  'etatDate.figures': 'Beträge des Loses am {date} (Eigentümerkonto)',
  'etatDate.item': 'Posten',
  'etatDate.called': 'Angefordert',
  'etatDate.paid': 'Bezahlt',
  'etatDate.outstanding': 'Offen',
  'etatDate.kind.provision': 'Vorschüsse Betriebskapital',
  'etatDate.kind.reserve': 'Beiträge Rücklage',
  'etatDate.kind.extraordinary': 'Außerordentliche Anforderungen (beschlossene Arbeiten)',
  'etatDate.total': 'Summe',
  'etatDate.arrears': 'Rückstände des Verkäufers (Fälligkeit verstrichen): {amount}.',
  'etatDate.notYetDue': 'Genehmigte, noch nicht fällige Anforderungen: {amount}.',
  'etatDate.reserveStays':
    'Der Anteil des Verkäufers an der Rücklage bleibt Eigentum der Vereinigung (Art. 3.94).',
  'etatDate.procedures': 'Anhängige Gerichtsverfahren: {text}',
  'etatDate.works': 'Beschlossene, noch nicht angeforderte Arbeiten und Ausgaben: {text}',
  'etatDate.none': 'keine laut Syndikus',
  'etatDate.issued': 'Erstellt am {date} vom Syndikus, vorbehaltlich der Genehmigung der Abrechnung.',
}

const ETAT_DATE_MESSAGES = { en: etatDateEn, fr: etatDateFr, nl: etatDateNl, de: etatDateDe } as const

export function etatDateText(
  language: keyof typeof ETAT_DATE_MESSAGES,
  key: EtatDateMessageKey,
  values: Readonly<Record<string, string>> = {},
): string {
  return ETAT_DATE_MESSAGES[language][key].replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
}
