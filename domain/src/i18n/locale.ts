/** The languages KoproGo speaks; English is the API's default, French the web's first guess. */
export const LOCALES = ['fr', 'nl', 'de', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** BCP 47 tags of the Belgian variants (fr-BE "1 234,56 €", nl-BE "€ 1.234,56", de-BE). */
export const INTL_TAG: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-BE' }

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v)

/**
 * The best supported language for an `Accept-Language` header ("nl-BE,nl;q=0.9,en;q=0.8") or a
 * list of preferred tags (navigator.languages, already in order). Region subtags are ignored
 * (nl-BE → nl); q=0 means "not this one"; `*` and unknown languages are skipped; nothing
 * usable → `fallback`.
 */
export function negotiateLocale(
  preferred: string | readonly string[] | null | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  const ranked = typeof preferred === 'string' ? parseAcceptLanguage(preferred) : (preferred ?? [])
  for (const tag of ranked) {
    const base = tag.trim().toLowerCase().split('-')[0]
    if (isLocale(base)) return base
  }
  return fallback
}

/** Tags of an Accept-Language header by decreasing quality (stable for equal q), q=0 dropped. */
function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q === undefined ? 1 : Number(q.slice(2))
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((e) => e.tag !== '' && e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((e) => e.tag)
}
