import { type Locale, MAIL_MESSAGES, type MailMessageKey } from '@koprogo/domain'

export const PRODUCT_NAME = 'KoproGo'

/** A paragraph of text, or a call to action (a button in HTML, label + URL in text). */
export type MailBlock =
  | { readonly text: MailMessageKey }
  | { readonly action: MailMessageKey; readonly url: string }

export type RenderedMail = { readonly subject: string; readonly text: string; readonly html: string }

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

const fill = (template: string, vars: Readonly<Record<string, string>>, esc: (s: string) => string) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? esc(vars[name] ?? '') : whole))

const DATE_LOCALES: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' }

/** A date and time as people of `locale` read it, in Belgian time (where the buildings are). */
export function formatMailDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(date)
}

/**
 * Renders one e-mail in the recipient's language: greeting, blocks, signature with the sending
 * organization and the product. The HTML part escapes everything it interpolates (names and
 * organization names are typed by people) and is deliberately plain: no images, inline styles only.
 */
export function renderMail(
  locale: Locale,
  mail: { subject: MailMessageKey; blocks: readonly MailBlock[]; vars: Readonly<Record<string, string>> },
): RenderedMail {
  const messages = MAIL_MESSAGES[locale]
  const vars = { product: PRODUCT_NAME, ...mail.vars }
  const text = (key: MailMessageKey) => fill(messages[key], vars, (s) => s)
  const html = (key: MailMessageKey) => fill(escapeHtml(messages[key]), vars, escapeHtml)
  const all: MailBlock[] = [{ text: 'mail.greeting' }, ...mail.blocks, { text: 'mail.signature' }]
  const textBody = all.map((b) => ('text' in b ? text(b.text) : `${text(b.action)}:\n${b.url}`)).join('\n\n')
  const htmlBlocks = all.map((b) =>
    'text' in b
      ? `<p>${html(b.text)}</p>`
      : `<p><a href="${escapeHtml(b.url)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${html(b.action)}</a></p>\n<p style="font-size:12px;color:#555">${escapeHtml(b.url)}</p>`,
  )
  const subject = text(mail.subject)
  const htmlBody = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#111;max-width:600px">
${htmlBlocks.join('\n')}
</body></html>
`
  return { subject, text: `${textBody}\n`, html: htmlBody }
}
