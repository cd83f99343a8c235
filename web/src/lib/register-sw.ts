// Registers /sw.js (written after the build by scripts/post-build.ts) the way vite-plugin-pwa's
// `registerType: 'autoUpdate'` did: the new worker skips waiting and claims the page, and a page
// whose worker was replaced reloads once so it runs the assets the new worker precached.
// workbox-window is imported on demand, as vite-plugin-pwa did, so it stays out of the first paint.

export function registerServiceWorker(): void {
  // No worker in dev (vinxi dev serves modules, not the precached build).
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const register = () =>
    void import('workbox-window').then(({ Workbox }) => {
      const wb = new Workbox('/sw.js', { scope: '/' })
      wb.addEventListener('activated', (event) => {
        if (event.isUpdate || event.isExternal) window.location.reload()
      })
      return wb.register({ immediate: true })
    })
  // After the page's load event: a first visit's worker precaches the whole app (~60 files),
  // which competed with the first page's own scripts on a slow line (Lighthouse, slow 4G).
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
