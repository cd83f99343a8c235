import { t } from './i18n'

/**
 * A due line's label in the UI language: a closed year's regularisation call is named from its
 * kind and fiscal year (its stored label is the French record); a call's label as the syndic wrote it.
 */
export function dueLineLabel(
  b: { readonly regularisations?: readonly { line_id: string | null; fiscal_year: number }[] },
  l: { readonly id: string; readonly kind: string; readonly label: string },
): string {
  const year =
    l.kind === 'regularisation' ? b.regularisations?.find((r) => r.line_id === l.id)?.fiscal_year : undefined
  return year === undefined ? l.label : t('money.regularisationLabel', { year: String(year) })
}
