// What a failed call tells the user: the API's message (already in their language, the API
// answers in Accept-Language), a translated "needs a connection" for the network, never a raw
// "Failed to fetch" or an exception's English text.
import { ApiError } from './api-error'
import { t } from './i18n'

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.isNetwork ? t('offline.needsConnection') : e.message
  return t('common.error')
}
