import type { DocumentLanguage } from '../../shared/money-format.ts'
import type { CallKind } from './call-for-funds.entity.ts'

/*
 * The label of a closed year's regularisation call (kind `regularisation`) in a reader's language.
 * The stored label stays the stable French value the close writes ("Régularisation 2025", the
 * call's record and what the API lists); a text addressed to an owner (their reminder letter) is
 * rendered in their language from the kind and the fiscal year, read back from that stored value.
 */
const TEMPLATES: Record<DocumentLanguage, (year: string) => string> = {
  fr: (y) => `Régularisation ${y}`,
  nl: (y) => `Regularisatie ${y}`,
  de: (y) => `Ausgleich ${y}`,
  en: (y) => `Regularisation ${y}`,
}

/** The label the close stores on the call (French: the record's stable value). */
export function regularisationCallLabel(fiscalYear: number, lang: DocumentLanguage = 'fr'): string {
  return TEMPLATES[lang](String(fiscalYear))
}

const STORED = /^Régularisation (\d{4})$/

/**
 * A call's label for a reader of `lang`: a regularisation call's in that language, any other
 * call's label as the syndic wrote it (a label a syndic typed is not translated).
 */
export function callLabelIn(
  call: { readonly kind: CallKind; readonly label: string },
  lang: DocumentLanguage,
) {
  const year = call.kind === 'regularisation' ? STORED.exec(call.label)?.[1] : undefined
  return year ? TEMPLATES[lang](year) : call.label
}
