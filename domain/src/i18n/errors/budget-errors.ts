// Error texts of distribution keys, budgets and the sale split (finance/budget), one spread line
// per language file. English defines the keys and is the template the mapper matches.
import type { Message } from '../plural.ts'

export const budgetErrorsEn = {
  'error.code.budget_already_approved':
    'The budget {fiscal_year} is approved by the assembly and can no longer change; prepare a new draft',
  'error.code.budget_year_already_approved':
    'A budget of {fiscal_year} is already approved for this building',
  'error.code.empty_distribution_key':
    'The distribution key "{key}" has no lot with a positive weight on this date',
  'error.code.distribution_key_in_use':
    'The distribution key "{key}" is used by an expense or a budget line and cannot be deleted',
  'error.code.reserve_contribution_too_low':
    "The reserve-fund contribution {contribution} is below {percent} % of last year's ordinary charges: {percent} % × {previous} = {minimum} (art. 3.86 §3 Civil Code). Raise it to at least {minimum} or record the assembly's four-fifths waiver.",
  'error.entity.Budget': 'Budget',
  'error.entity.DistributionKey': 'Distribution key',
  'error.entity.FinanceSettings': 'Finance settings',
  'error.msg.invalidBudget': 'Invalid budget',
  'error.msg.invalidApproval': 'Invalid approval',
  'error.msg.invalidKey': 'Invalid distribution key',
  'error.msg.invalidSaleSplit': 'Invalid sale split',
  'error.field.fiscalYearRange': 'must be a year in {min}..{max}',
  'error.field.maxLines': 'must have at most {max} lines',
  'error.field.maxLots': 'must have at most {max} lots',
  'error.field.resolutionWithoutId': 'is required when no resolution_id is given',
  'error.field.notKeyOfBuilding': 'is not a distribution key of this building',
  'error.field.generalKeyNoLots': 'must be empty for the general key (it is every lot by its quote-part)',
  'error.field.keyNeedsLot': 'must name at least one lot',
  'error.field.customWeightRequired': 'is required in a custom key',
  'error.field.notLotOfBuilding': 'is not a lot of this building',
  'error.field.periodEndBeforeStart': 'must not be before period_start',
  'error.field.requiredByRule': 'is required by this rule',
  'error.field.waiverResolution':
    'must name the resolution (resolution_id or resolution_reference) of the four-fifths decision',
  'error.field.keyChangeNeedsResolution':
    'is required to change the lots or weights of a key: name the assembly resolution that decided it (resolution_id or resolution_reference)',
} as const satisfies Record<string, Message>

type BudgetErrors = Record<keyof typeof budgetErrorsEn, Message>

export const budgetErrorsFr: BudgetErrors = {
  'error.code.budget_already_approved':
    'Le budget {fiscal_year} est approuvé par l’assemblée et ne peut plus changer ; préparez un nouveau projet',
  'error.code.budget_year_already_approved': 'Un budget {fiscal_year} est déjà approuvé pour cet immeuble',
  'error.code.empty_distribution_key':
    'La clé de répartition « {key} » n’a aucun lot de poids positif à cette date',
  'error.code.distribution_key_in_use':
    'La clé de répartition « {key} » est utilisée par une dépense ou une ligne de budget et ne peut être supprimée',
  'error.code.reserve_contribution_too_low':
    'La contribution au fonds de réserve {contribution} est inférieure à {percent} % des charges ordinaires de l’exercice précédent : {percent} % × {previous} = {minimum} (art. 3.86 §3 C. civ.). Portez-la à au moins {minimum} ou enregistrez la dérogation votée aux quatre cinquièmes.',
  'error.entity.Budget': 'Budget',
  'error.entity.DistributionKey': 'Clé de répartition',
  'error.entity.FinanceSettings': 'Paramètres financiers',
  'error.msg.invalidBudget': 'Budget invalide',
  'error.msg.invalidApproval': 'Approbation invalide',
  'error.msg.invalidKey': 'Clé de répartition invalide',
  'error.msg.invalidSaleSplit': 'Répartition vendeur/acheteur invalide',
  'error.field.fiscalYearRange': 'doit être une année entre {min} et {max}',
  'error.field.maxLines': 'doit compter au plus {max} lignes',
  'error.field.maxLots': 'doit compter au plus {max} lots',
  'error.field.resolutionWithoutId': 'est requis sans resolution_id',
  'error.field.notKeyOfBuilding': 'n’est pas une clé de répartition de cet immeuble',
  'error.field.generalKeyNoLots':
    'doit être vide pour la clé générale (tous les lots selon leurs quotes-parts)',
  'error.field.keyNeedsLot': 'doit désigner au moins un lot',
  'error.field.customWeightRequired': 'est requis dans une clé personnalisée',
  'error.field.notLotOfBuilding': 'n’est pas un lot de cet immeuble',
  'error.field.periodEndBeforeStart': 'ne peut précéder period_start',
  'error.field.requiredByRule': 'est requis par cette règle',
  'error.field.waiverResolution':
    'doit désigner la résolution (resolution_id ou resolution_reference) de la décision aux quatre cinquièmes',
  'error.field.keyChangeNeedsResolution':
    'est requis pour changer les lots ou les poids d’une clé : indiquez la résolution de l’assemblée qui l’a décidé (resolution_id ou resolution_reference)',
}

export const budgetErrorsNl: BudgetErrors = {
  'error.code.budget_already_approved':
    'De begroting {fiscal_year} is goedgekeurd door de algemene vergadering en kan niet meer wijzigen; maak een nieuw ontwerp',
  'error.code.budget_year_already_approved': 'Voor dit gebouw is al een begroting {fiscal_year} goedgekeurd',
  'error.code.empty_distribution_key':
    'De verdeelsleutel "{key}" heeft op deze datum geen kavel met een positief gewicht',
  'error.code.distribution_key_in_use':
    'De verdeelsleutel "{key}" wordt gebruikt door een uitgave of een begrotingslijn en kan niet worden verwijderd',
  'error.code.reserve_contribution_too_low':
    'De bijdrage aan het reservefonds {contribution} is lager dan {percent} % van de gewone lasten van het vorige boekjaar: {percent} % × {previous} = {minimum} (art. 3.86 §3 BW). Verhoog ze tot minstens {minimum} of registreer de afwijking beslist met vier vijfde.',
  'error.entity.Budget': 'Begroting',
  'error.entity.DistributionKey': 'Verdeelsleutel',
  'error.entity.FinanceSettings': 'Financiële instellingen',
  'error.msg.invalidBudget': 'Ongeldige begroting',
  'error.msg.invalidApproval': 'Ongeldige goedkeuring',
  'error.msg.invalidKey': 'Ongeldige verdeelsleutel',
  'error.msg.invalidSaleSplit': 'Ongeldige verdeling verkoper/koper',
  'error.field.fiscalYearRange': 'moet een jaar zijn tussen {min} en {max}',
  'error.field.maxLines': 'mag hoogstens {max} lijnen tellen',
  'error.field.maxLots': 'mag hoogstens {max} kavels tellen',
  'error.field.resolutionWithoutId': 'is verplicht zonder resolution_id',
  'error.field.notKeyOfBuilding': 'is geen verdeelsleutel van dit gebouw',
  'error.field.generalKeyNoLots':
    'moet leeg zijn voor de algemene sleutel (alle kavels volgens hun aandelen)',
  'error.field.keyNeedsLot': 'moet minstens één kavel noemen',
  'error.field.customWeightRequired': 'is verplicht in een eigen sleutel',
  'error.field.notLotOfBuilding': 'is geen kavel van dit gebouw',
  'error.field.periodEndBeforeStart': 'mag niet vóór period_start liggen',
  'error.field.requiredByRule': 'is verplicht volgens deze regel',
  'error.field.waiverResolution':
    'moet de beslissing (resolution_id of resolution_reference) met vier vijfde van de stemmen noemen',
  'error.field.keyChangeNeedsResolution':
    'is verplicht om de kavels of gewichten van een sleutel te wijzigen: noem de beslissing van de algemene vergadering (resolution_id of resolution_reference)',
}

export const budgetErrorsDe: BudgetErrors = {
  'error.code.budget_already_approved':
    'Der Haushaltsplan {fiscal_year} ist von der Versammlung genehmigt und kann nicht mehr geändert werden; erstellen Sie einen neuen Entwurf',
  'error.code.budget_year_already_approved':
    'Für dieses Gebäude ist bereits ein Haushaltsplan {fiscal_year} genehmigt',
  'error.code.empty_distribution_key':
    'Der Verteilerschlüssel „{key}“ hat an diesem Datum kein Los mit positivem Gewicht',
  'error.code.distribution_key_in_use':
    'Der Verteilerschlüssel „{key}“ wird von einer Ausgabe oder einer Haushaltszeile verwendet und kann nicht gelöscht werden',
  'error.code.reserve_contribution_too_low':
    'Der Beitrag zum Reservefonds {contribution} liegt unter {percent} % der gewöhnlichen Lasten des Vorjahres: {percent} % × {previous} = {minimum} (Art. 3.86 §3 ZGB). Erhöhen Sie ihn auf mindestens {minimum} oder erfassen Sie den mit vier Fünfteln gefassten Verzicht.',
  'error.entity.Budget': 'Haushaltsplan',
  'error.entity.DistributionKey': 'Verteilerschlüssel',
  'error.entity.FinanceSettings': 'Finanzeinstellungen',
  'error.msg.invalidBudget': 'Ungültiger Haushaltsplan',
  'error.msg.invalidApproval': 'Ungültige Genehmigung',
  'error.msg.invalidKey': 'Ungültiger Verteilerschlüssel',
  'error.msg.invalidSaleSplit': 'Ungültige Aufteilung Verkäufer/Käufer',
  'error.field.fiscalYearRange': 'muss ein Jahr zwischen {min} und {max} sein',
  'error.field.maxLines': 'darf höchstens {max} Zeilen haben',
  'error.field.maxLots': 'darf höchstens {max} Lose haben',
  'error.field.resolutionWithoutId': 'ist ohne resolution_id erforderlich',
  'error.field.notKeyOfBuilding': 'ist kein Verteilerschlüssel dieses Gebäudes',
  'error.field.generalKeyNoLots': 'muss beim allgemeinen Schlüssel leer sein (alle Lose nach ihren Anteilen)',
  'error.field.keyNeedsLot': 'muss mindestens ein Los nennen',
  'error.field.customWeightRequired': 'ist in einem eigenen Schlüssel erforderlich',
  'error.field.notLotOfBuilding': 'ist kein Los dieses Gebäudes',
  'error.field.periodEndBeforeStart': 'darf nicht vor period_start liegen',
  'error.field.requiredByRule': 'ist nach dieser Regel erforderlich',
  'error.field.waiverResolution':
    'muss den Beschluss (resolution_id oder resolution_reference) mit vier Fünfteln der Stimmen nennen',
  'error.field.keyChangeNeedsResolution':
    'ist erforderlich, um die Lose oder Gewichte eines Schlüssels zu ändern: nennen Sie den Beschluss der Versammlung (resolution_id oder resolution_reference)',
}
