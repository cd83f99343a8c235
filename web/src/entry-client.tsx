// @refresh reload
// Client entry: register the service worker, resume the stored session, mount the app into the
// prerendered shell (ssr: false, so there is nothing to hydrate).
import { mount, StartClient } from '@solidjs/start/client'
import { locale, warmFormatters } from './lib/i18n'
import { registerServiceWorker } from './lib/register-sw'
import { resumeSession, user } from './lib/session'

registerServiceWorker()
document.documentElement.lang = locale()
void resumeSession()
// A signed-in page formats dates and amounts from its first render on: the locale's ICU data is
// loaded here, in the start task before the first paint, not in a long task after it (ADR 0052).
if (user()) warmFormatters()

const root = document.getElementById('app')
if (root) mount(() => <StartClient />, root)
