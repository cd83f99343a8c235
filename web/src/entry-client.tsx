// @refresh reload
// Client entry: register the service worker, resume the stored session, mount the app into the
// prerendered shell (ssr: false, so there is nothing to hydrate).
import { mount, StartClient } from '@solidjs/start/client'
import { locale } from './lib/i18n'
import { registerServiceWorker } from './lib/register-sw'
import { resumeSession } from './lib/session'

registerServiceWorker()
document.documentElement.lang = locale()
void resumeSession()

const root = document.getElementById('app')
if (root) mount(() => <StartClient />, root)
