// Labels of the domain's enum values, which the API sends as stable codes ('Apartment',
// 'usufruct', 'syndic'). `import type` only: the checks below cost nothing in the web bundle, and
// adding a value to a domain list without its label here fails the typecheck
// (enum-messages.test.ts also walks the domain's constant lists at run time).
import type { DocumentType } from '../documents/document.entity.ts'
import type { ExpenseCategory, PaymentStatus } from '../finance/expense.entity.ts'
import type { MeetingStatus, MeetingType } from '../governance/meeting.entity.ts'
import type { SubscriptionPlan } from '../identity/organization.entity.ts'
import type { Role } from '../identity/role.value-object.ts'
import type { OwnerType } from '../property/owner.entity.ts'
import type { RightType } from '../property/ownership-timeline.ts'
import type { UnitType } from '../property/unit.entity.ts'

/** Each enum by the name of the wire field that carries it. */
type EnumValues = {
  unit_type: UnitType
  category: ExpenseCategory
  payment_status: PaymentStatus
  meeting_type: MeetingType
  meeting_status: MeetingStatus
  role: Role
  subscription_plan: SubscriptionPlan
  document_type: DocumentType
  owner_type: OwnerType
  right_type: RightType
}
export type EnumName = keyof EnumValues
type EnumKey = { [N in EnumName]: `enum.${N}.${EnumValues[N]}` }[EnumName]
type EnumMessages = Record<EnumKey, string>

/** The message key of an enum value; a value the client does not know yet yields its own key. */
export const enumKey = <N extends EnumName>(name: N, value: EnumValues[N]): EnumKey =>
  `enum.${name}.${value}` as EnumKey

export const enumEn = {
  'enum.unit_type.Apartment': 'Apartment',
  'enum.unit_type.Parking': 'Parking space',
  'enum.unit_type.Cellar': 'Cellar',
  'enum.unit_type.Commercial': 'Commercial space',
  'enum.unit_type.Other': 'Other',
  'enum.category.Maintenance': 'Maintenance',
  'enum.category.Repairs': 'Repairs',
  'enum.category.Insurance': 'Insurance',
  'enum.category.Utilities': 'Utilities',
  'enum.category.Cleaning': 'Cleaning',
  'enum.category.Administration': 'Administration',
  'enum.category.Works': 'Works',
  'enum.category.Other': 'Other',
  'enum.payment_status.Pending': 'Pending',
  'enum.payment_status.Paid': 'Paid',
  'enum.payment_status.Overdue': 'Overdue',
  'enum.payment_status.Cancelled': 'Cancelled',
  'enum.meeting_type.Ordinary': 'Ordinary',
  'enum.meeting_type.Extraordinary': 'Extraordinary',
  'enum.meeting_status.Scheduled': 'Scheduled',
  'enum.meeting_status.Completed': 'Held',
  'enum.meeting_status.Cancelled': 'Cancelled',
  'enum.role.superadmin': 'Super administrator',
  'enum.role.syndic': 'Syndic',
  'enum.role.accountant': 'Accountant',
  'enum.role.owner': 'Owner',
  'enum.role.auditor': 'Account auditor',
  'enum.subscription_plan.Free': 'Free',
  'enum.subscription_plan.Starter': 'Starter',
  'enum.subscription_plan.Professional': 'Professional',
  'enum.subscription_plan.Enterprise': 'Enterprise',
  'enum.document_type.MeetingMinutes': 'Meeting minutes',
  'enum.document_type.FinancialStatement': 'Financial statement',
  'enum.document_type.Invoice': 'Invoice',
  'enum.document_type.Contract': 'Contract',
  'enum.document_type.Regulation': 'Co-ownership regulation',
  'enum.document_type.WorksQuote': 'Quote for works',
  'enum.document_type.Other': 'Other',
  'enum.owner_type.person': 'Person',
  'enum.owner_type.company': 'Company or association',
  'enum.right_type.full': 'Full ownership',
  'enum.right_type.usufruct': 'Usufruct',
  'enum.right_type.bare': 'Bare ownership',
} as const satisfies EnumMessages

export const enumFr: EnumMessages = {
  'enum.unit_type.Apartment': 'Appartement',
  'enum.unit_type.Parking': 'Emplacement de parking',
  'enum.unit_type.Cellar': 'Cave',
  'enum.unit_type.Commercial': 'Surface commerciale',
  'enum.unit_type.Other': 'Autre',
  'enum.category.Maintenance': 'Entretien',
  'enum.category.Repairs': 'Réparations',
  'enum.category.Insurance': 'Assurances',
  'enum.category.Utilities': 'Énergie et eau',
  'enum.category.Cleaning': 'Nettoyage',
  'enum.category.Administration': 'Administration',
  'enum.category.Works': 'Travaux',
  'enum.category.Other': 'Autre',
  'enum.payment_status.Pending': 'À payer',
  'enum.payment_status.Paid': 'Payée',
  'enum.payment_status.Overdue': 'En retard',
  'enum.payment_status.Cancelled': 'Annulée',
  'enum.meeting_type.Ordinary': 'Ordinaire',
  'enum.meeting_type.Extraordinary': 'Extraordinaire',
  'enum.meeting_status.Scheduled': 'Planifiée',
  'enum.meeting_status.Completed': 'Tenue',
  'enum.meeting_status.Cancelled': 'Annulée',
  'enum.role.superadmin': 'Super administrateur',
  'enum.role.syndic': 'Syndic',
  'enum.role.accountant': 'Comptable',
  'enum.role.owner': 'Copropriétaire',
  'enum.role.auditor': 'Vérificateur aux comptes',
  'enum.subscription_plan.Free': 'Gratuit',
  'enum.subscription_plan.Starter': 'Starter',
  'enum.subscription_plan.Professional': 'Professionnel',
  'enum.subscription_plan.Enterprise': 'Entreprise',
  'enum.document_type.MeetingMinutes': 'Procès-verbal d’assemblée',
  'enum.document_type.FinancialStatement': 'Comptes annuels',
  'enum.document_type.Invoice': 'Facture',
  'enum.document_type.Contract': 'Contrat',
  'enum.document_type.Regulation': 'Règlement de copropriété',
  'enum.document_type.WorksQuote': 'Devis de travaux',
  'enum.document_type.Other': 'Autre',
  'enum.owner_type.person': 'Personne physique',
  'enum.owner_type.company': 'Société ou association',
  'enum.right_type.full': 'Pleine propriété',
  'enum.right_type.usufruct': 'Usufruit',
  'enum.right_type.bare': 'Nue-propriété',
}

export const enumNl: EnumMessages = {
  'enum.unit_type.Apartment': 'Appartement',
  'enum.unit_type.Parking': 'Parkeerplaats',
  'enum.unit_type.Cellar': 'Kelder',
  'enum.unit_type.Commercial': 'Handelsruimte',
  'enum.unit_type.Other': 'Andere',
  'enum.category.Maintenance': 'Onderhoud',
  'enum.category.Repairs': 'Herstellingen',
  'enum.category.Insurance': 'Verzekeringen',
  'enum.category.Utilities': 'Energie en water',
  'enum.category.Cleaning': 'Schoonmaak',
  'enum.category.Administration': 'Administratie',
  'enum.category.Works': 'Werken',
  'enum.category.Other': 'Andere',
  'enum.payment_status.Pending': 'Te betalen',
  'enum.payment_status.Paid': 'Betaald',
  'enum.payment_status.Overdue': 'Achterstallig',
  'enum.payment_status.Cancelled': 'Geannuleerd',
  'enum.meeting_type.Ordinary': 'Gewone',
  'enum.meeting_type.Extraordinary': 'Buitengewone',
  'enum.meeting_status.Scheduled': 'Gepland',
  'enum.meeting_status.Completed': 'Gehouden',
  'enum.meeting_status.Cancelled': 'Geannuleerd',
  'enum.role.superadmin': 'Superbeheerder',
  'enum.role.syndic': 'Syndicus',
  'enum.role.accountant': 'Boekhouder',
  'enum.role.owner': 'Eigenaar',
  'enum.role.auditor': 'Rekeningcommissaris',
  'enum.subscription_plan.Free': 'Gratis',
  'enum.subscription_plan.Starter': 'Starter',
  'enum.subscription_plan.Professional': 'Professioneel',
  'enum.subscription_plan.Enterprise': 'Onderneming',
  'enum.document_type.MeetingMinutes': 'Notulen van de vergadering',
  'enum.document_type.FinancialStatement': 'Jaarrekening',
  'enum.document_type.Invoice': 'Factuur',
  'enum.document_type.Contract': 'Contract',
  'enum.document_type.Regulation': 'Reglement van mede-eigendom',
  'enum.document_type.WorksQuote': 'Offerte voor werken',
  'enum.document_type.Other': 'Andere',
  'enum.owner_type.person': 'Natuurlijk persoon',
  'enum.owner_type.company': 'Vennootschap of vereniging',
  'enum.right_type.full': 'Volle eigendom',
  'enum.right_type.usufruct': 'Vruchtgebruik',
  'enum.right_type.bare': 'Blote eigendom',
}

export const enumDe: EnumMessages = {
  'enum.unit_type.Apartment': 'Wohnung',
  'enum.unit_type.Parking': 'Stellplatz',
  'enum.unit_type.Cellar': 'Keller',
  'enum.unit_type.Commercial': 'Gewerbefläche',
  'enum.unit_type.Other': 'Sonstiges',
  'enum.category.Maintenance': 'Instandhaltung',
  'enum.category.Repairs': 'Reparaturen',
  'enum.category.Insurance': 'Versicherungen',
  'enum.category.Utilities': 'Energie und Wasser',
  'enum.category.Cleaning': 'Reinigung',
  'enum.category.Administration': 'Verwaltung',
  'enum.category.Works': 'Bauarbeiten',
  'enum.category.Other': 'Sonstiges',
  'enum.payment_status.Pending': 'Offen',
  'enum.payment_status.Paid': 'Bezahlt',
  'enum.payment_status.Overdue': 'Überfällig',
  'enum.payment_status.Cancelled': 'Storniert',
  'enum.meeting_type.Ordinary': 'Ordentliche',
  'enum.meeting_type.Extraordinary': 'Außerordentliche',
  'enum.meeting_status.Scheduled': 'Geplant',
  'enum.meeting_status.Completed': 'Abgehalten',
  'enum.meeting_status.Cancelled': 'Abgesagt',
  'enum.role.superadmin': 'Superadministrator',
  'enum.role.syndic': 'Syndikus',
  'enum.role.accountant': 'Buchhalter',
  'enum.role.owner': 'Eigentümer',
  'enum.role.auditor': 'Rechnungsprüfer',
  'enum.subscription_plan.Free': 'Kostenlos',
  'enum.subscription_plan.Starter': 'Starter',
  'enum.subscription_plan.Professional': 'Professional',
  'enum.subscription_plan.Enterprise': 'Unternehmen',
  'enum.document_type.MeetingMinutes': 'Versammlungsprotokoll',
  'enum.document_type.FinancialStatement': 'Jahresabschluss',
  'enum.document_type.Invoice': 'Rechnung',
  'enum.document_type.Contract': 'Vertrag',
  'enum.document_type.Regulation': 'Miteigentumsordnung',
  'enum.document_type.WorksQuote': 'Kostenvoranschlag für Arbeiten',
  'enum.document_type.Other': 'Sonstiges',
  'enum.owner_type.person': 'Natürliche Person',
  'enum.owner_type.company': 'Gesellschaft oder Verein',
  'enum.right_type.full': 'Volleigentum',
  'enum.right_type.usufruct': 'Nießbrauch',
  'enum.right_type.bare': 'Bloßes Eigentum',
}
