// Labels of the expense form's supplier picker (ADR 0037), the four languages side by side; spread
// into each locale.
export const supplierEn = {
  'field.supplier_id': 'Supplier (record)',
} as const

type SupplierMessages = Record<keyof typeof supplierEn, string>

export const supplierFr: SupplierMessages = { 'field.supplier_id': 'Fournisseur (fiche)' }
export const supplierNl: SupplierMessages = { 'field.supplier_id': 'Leverancier (fiche)' }
export const supplierDe: SupplierMessages = { 'field.supplier_id': 'Lieferant (Datensatz)' }
