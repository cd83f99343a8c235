// Entry: register the service worker (autoUpdate), resume the stored session, mount the app.

import { registerSW } from 'virtual:pwa-register'
import { render } from 'solid-js/web'
import App from './app'
import { locale } from './lib/i18n'
import { resumeSession } from './lib/session'
import './styles.css'

registerSW({ immediate: true })
document.documentElement.lang = locale()
void resumeSession()

const root = document.getElementById('app')
if (root) render(() => <App />, root)
