// Error texts of suppliers (finance/suppliers, ADR 0037), one spread line per language file.
// English defines the keys and is the template the mapper matches.
import type { Message } from '../plural.ts'

export const supplierErrorsEn = {
  'error.code.supplier_in_use': 'The supplier "{supplier}" is named by an expense and cannot be deleted',
  'error.entity.Supplier': 'Supplier',
  'error.msg.invalidSupplier': 'Invalid supplier',
  'error.field.notSupplierOfOrganization': 'is not a supplier of this organization',
  'error.field.vatNotEnterpriseNumber': 'must be BE followed by the enterprise number',
  'error.field.vatNumberFormat': 'must be a VAT number with its country prefix, e.g. BE0123456749',
} as const satisfies Record<string, Message>

type SupplierErrors = Record<keyof typeof supplierErrorsEn, Message>

export const supplierErrorsFr: SupplierErrors = {
  'error.code.supplier_in_use':
    'Le fournisseur « {supplier} » est désigné par une dépense et ne peut être supprimé',
  'error.entity.Supplier': 'Fournisseur',
  'error.msg.invalidSupplier': 'Fournisseur invalide',
  'error.field.notSupplierOfOrganization': 'n’est pas un fournisseur de cette organisation',
  'error.field.vatNotEnterpriseNumber': 'doit être BE suivi du numéro d’entreprise',
  'error.field.vatNumberFormat': 'doit être un numéro de TVA avec son préfixe de pays, p. ex. BE0123456749',
}

export const supplierErrorsNl: SupplierErrors = {
  'error.code.supplier_in_use':
    'De leverancier "{supplier}" wordt door een uitgave genoemd en kan niet worden verwijderd',
  'error.entity.Supplier': 'Leverancier',
  'error.msg.invalidSupplier': 'Ongeldige leverancier',
  'error.field.notSupplierOfOrganization': 'is geen leverancier van deze organisatie',
  'error.field.vatNotEnterpriseNumber': 'moet BE zijn gevolgd door het ondernemingsnummer',
  'error.field.vatNumberFormat': 'moet een btw-nummer met landprefix zijn, bv. BE0123456749',
}

export const supplierErrorsDe: SupplierErrors = {
  'error.code.supplier_in_use':
    'Der Lieferant „{supplier}“ wird von einer Ausgabe genannt und kann nicht gelöscht werden',
  'error.entity.Supplier': 'Lieferant',
  'error.msg.invalidSupplier': 'Ungültiger Lieferant',
  'error.field.notSupplierOfOrganization': 'ist kein Lieferant dieser Organisation',
  'error.field.vatNotEnterpriseNumber': 'muss BE gefolgt von der Unternehmensnummer sein',
  'error.field.vatNumberFormat': 'muss eine MwSt.-Nummer mit Länderpräfix sein, z. B. BE0123456749',
}
