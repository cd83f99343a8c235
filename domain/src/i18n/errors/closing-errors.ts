// Error texts of the year-end close (ADR 0040), spread into each language's catalogue with one line.
import type { Message } from '../plural.ts'

export const closingErrorsEn = {
  'error.code.fiscal_year_closed':
    'Fiscal year {fiscal_year} is closed: nothing more is posted into it; date the correction in the next year',
  'error.code.fiscal_year_not_ended':
    'Fiscal year {fiscal_year} ends on {period_to}: it cannot be closed before',
  'error.code.auditor_already_granted': 'This auditor already has this building',
  'error.entity.FiscalYearClosing': 'Closed fiscal year',
  'error.entity.Auditor': 'Account auditor of this building',
  'error.field.notAnAuditor': 'is not a user of this organization with the auditor role',
  'error.code.fiscal_year_already_closed': 'Fiscal year {fiscal_year} is already closed',
} as const satisfies Record<string, Message>

type ClosingErrors = Record<keyof typeof closingErrorsEn, Message>

export const closingErrorsFr: ClosingErrors = {
  'error.code.fiscal_year_closed':
    'L’exercice {fiscal_year} est clôturé : plus rien n’y est comptabilisé ; datez la correction dans l’exercice suivant',
  'error.code.fiscal_year_not_ended':
    'L’exercice {fiscal_year} se termine le {period_to} : il ne peut pas être clôturé avant',
  'error.code.auditor_already_granted': 'Ce vérificateur a déjà accès à cet immeuble',
  'error.entity.FiscalYearClosing': 'Exercice clôturé',
  'error.entity.Auditor': 'Vérificateur aux comptes de cet immeuble',
  'error.field.notAnAuditor': 'n’est pas un utilisateur de cette organisation avec le rôle de vérificateur',
  'error.code.fiscal_year_already_closed': 'L’exercice {fiscal_year} est déjà clôturé',
}

export const closingErrorsNl: ClosingErrors = {
  'error.code.fiscal_year_closed':
    'Boekjaar {fiscal_year} is afgesloten: er wordt niets meer in geboekt; boek de correctie in het volgende boekjaar',
  'error.code.fiscal_year_not_ended':
    'Boekjaar {fiscal_year} eindigt op {period_to}: het kan niet eerder worden afgesloten',
  'error.code.auditor_already_granted': 'Deze commissaris heeft al toegang tot dit gebouw',
  'error.entity.FiscalYearClosing': 'Afgesloten boekjaar',
  'error.entity.Auditor': 'Commissaris van dit gebouw',
  'error.field.notAnAuditor': 'is geen gebruiker van deze organisatie met de rol van commissaris',
  'error.code.fiscal_year_already_closed': 'Boekjaar {fiscal_year} is al afgesloten',
}

export const closingErrorsDe: ClosingErrors = {
  'error.code.fiscal_year_closed':
    'Das Geschäftsjahr {fiscal_year} ist abgeschlossen: es wird nichts mehr darin gebucht; buchen Sie die Korrektur im folgenden Jahr',
  'error.code.fiscal_year_not_ended':
    'Das Geschäftsjahr {fiscal_year} endet am {period_to}: es kann nicht vorher abgeschlossen werden',
  'error.code.auditor_already_granted': 'Dieser Rechnungsprüfer hat bereits Zugang zu diesem Gebäude',
  'error.entity.FiscalYearClosing': 'Abgeschlossenes Geschäftsjahr',
  'error.entity.Auditor': 'Rechnungsprüfer dieses Gebäudes',
  'error.field.notAnAuditor': 'ist kein Benutzer dieser Organisation mit der Rolle Rechnungsprüfer',
  'error.code.fiscal_year_already_closed': 'Das Geschäftsjahr {fiscal_year} ist bereits abgeschlossen',
}
