// Takes the user guide's screenshots (deterministic names, fixed viewport). They land in
// docs/screenshots/ only with E2E_SCREENSHOTS=docs (`make screenshots`), so an ordinary test run
// leaves the working tree clean; otherwise they go to test-results/.
// Data comes from the API like every other test; names are fixed so the images stay readable.
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { DASHBOARD, navFor } from '../src/lib/roles'
import { expect, SUPERADMIN, test, uiLogin, uiLogout, waitForServiceWorker } from './fixtures'

const dir = fileURLToPath(
  new URL(
    process.env.E2E_SCREENSHOTS === 'docs' ? '../../docs/screenshots/' : '../../test-results/screenshots/',
    import.meta.url,
  ),
)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${dir}${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' })

test.use({ viewport: { width: 1280, height: 800 } })

test('screenshots of the login page, each dashboard and an offline conflict', async ({
  page,
  context,
  world,
}) => {
  test.setTimeout(90_000)
  // A small, realistic building: two lots, two owners, an expense, a meeting and a document.
  const b = await world.building('Résidence Les Tilleuls')
  const a1 = await world.unit(b.id, 'A1', 550)
  const b2 = await world.unit(b.id, 'B2', 450)
  const { account: ownerAccount, owner } = await world.ownerAccount('Lambert')
  const other = await world.owner('Peeters')
  await world.ownership(a1.id, owner.id)
  await world.ownership(b2.id, other.id)
  const paid = await world.expense(b.id, 84_000, 'Entretien ascenseur — T1')
  await world.expense(b.id, 126_050, 'Nettoyage des communs — mars')
  await world.syndicApi.put(`/expenses/${paid.id}/mark-paid`, { paid_date: '2026-04-15' })
  await world.meeting(b.id, 'Assemblée générale ordinaire 2027')
  await world.document(b.id, 'PV AG 2026')
  const accountant = await world.user('accountant')

  await page.goto('/login')
  await expect(page.locator('#login-email')).toBeVisible()
  await shot(page, 'login')

  await uiLogin(page, SUPERADMIN, '/admin')
  await expect(page.getByTestId('organizations').locator('tbody tr').first()).toBeVisible()
  await expect(page.getByTestId('stats')).toBeVisible()
  await shot(page, 'dashboard-admin')
  await uiLogout(page)

  await uiLogin(page, accountant, '/accountant')
  await expect(page.getByTestId('expenses').locator('tbody tr')).toHaveCount(2)
  await page
    .getByTestId('expenses')
    .locator('tbody tr', { hasText: 'Nettoyage' })
    .getByRole('button', { name: 'Distribution' })
    .click()
  await expect(page.getByTestId('distribution')).toContainText('B2')
  await shot(page, 'dashboard-accountant')
  await uiLogout(page)

  await uiLogin(page, ownerAccount, '/owner')
  await expect(page.getByTestId('owner-lots')).toContainText('A1')
  await expect(page.getByTestId('owner-charge-totals')).toBeVisible()
  await expect(page.getByTestId('documents').locator('tbody tr')).toHaveCount(1)
  await shot(page, 'dashboard-owner')
  await uiLogout(page)

  await uiLogin(page, world.syndic, '/syndic')
  await waitForServiceWorker(page)
  const buildings = page.getByTestId('buildings')
  await expect(buildings.locator('tbody tr', { hasText: b.name })).toBeVisible()
  await expect(page.getByTestId('stats')).toBeVisible()
  await shot(page, 'dashboard-syndic')

  // Offline: a queued create and a queued edit, shown at once as pending.
  const current = await world.syndicApi.get<{ version: number }>(`/buildings/${b.id}`)
  await context.setOffline(true)
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
  await buildings.getByRole('button', { name: 'New' }).click()
  await page.locator('#buildings-name').fill('Résidence du Parc')
  await page.locator('#buildings-address').fill('Rue du Parc 3')
  await page.locator('#buildings-city').fill('Namur')
  await page.locator('#buildings-postal_code').fill('5000')
  await page.locator('#buildings-country').fill('Belgium')
  await page.locator('#buildings-declared_units').fill('6')
  await buildings.locator('form[novalidate] button[type="submit"]').click()
  await expect(buildings.locator('tbody tr.pending', { hasText: 'Résidence du Parc' })).toBeVisible()
  await buildings.locator('tbody tr', { hasText: b.name }).getByRole('button', { name: 'Edit' }).click()
  await page.locator('#buildings-city').fill('Ixelles')
  await buildings.locator('form[novalidate] button[type="submit"]').click()
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '2')
  await shot(page, 'offline-pending')

  // Meanwhile the server's copy changed: replaying the edit is refused and shown as a conflict.
  await world.syndicApi.put(`/buildings/${b.id}`, { city: 'Etterbeek' }, current.version)
  await context.setOffline(false)
  const conflict = page.getByTestId('conflict')
  await expect(conflict).toBeVisible()
  await expect(conflict).toContainText('Ixelles')
  await expect(conflict).toContainText('Etterbeek')
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0')
  await shot(page, 'offline-conflict')
  await conflict.getByRole('button', { name: 'Keep mine' }).click()
  await expect(page.getByTestId('conflict')).toHaveCount(0)
})

test('screenshot of the owners of a lot', async ({ page, world }) => {
  const building = await world.building('Résidence Les Tilleuls')
  const unit = await world.unit(building.id, '3B', 120)
  const chloe = await world.owner('Lambert')
  const bruno = await world.owner('Peeters')
  const diane = await world.owner('Dubois')
  const eric = await world.owner('Dubois-Martin')
  const add = (ownerId: string, share: string, right: string) =>
    world.syndicApi.post(`/units/${unit.id}/owners`, {
      owner_id: ownerId,
      ownership_share: share,
      right_type: right,
      start_date: '2024-03-15',
    })
  await add(chloe.id, '0.5', 'full')
  await add(bruno.id, '0.5', 'full')
  await world.syndicApi.post(`/units/${unit.id}/transfer`, {
    deed_date: '2026-09-01',
    sellers: [bruno.id],
    buyers: [
      { owner_id: diane.id, ownership_share: '0.5', right_type: 'usufruct' },
      { owner_id: eric.id, ownership_share: '0.5', right_type: 'bare' },
    ],
  })
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/units')
  await page
    .getByTestId('units')
    .locator('tbody tr', { hasText: '3B' })
    .getByRole('button', { name: 'Owners' })
    .click()
  const dialog = page.getByTestId('unit-owners')
  await page.locator('#own-view-date').fill('2026-10-01')
  await expect(dialog.getByTestId('own-on-date').locator('tbody tr')).toHaveCount(3)
  await dialog.getByRole('button', { name: 'History' }).click()
  await expect(dialog.getByTestId('own-history').locator('tbody tr')).toHaveCount(4)
  await shot(page, 'unit-owners')
})

// `make screenshots` also films a short walk-through per role (desktop size) into docs/videos/
// when the e2e runner found an ffmpeg (E2E_VIDEO=1). The films are not committed (.gitignore):
// a few MB each, retaken whenever the screens change. Outside `make screenshots` these tests
// do not exist, so they never count in `make test`.
if (process.env.E2E_SCREENSHOTS === 'docs' && process.env.E2E_VIDEO === '1') {
  const videos = fileURLToPath(new URL('../../docs/videos/', import.meta.url))
  for (const role of ['syndic', 'accountant', 'owner', 'superadmin'] as const) {
    test(`video walk-through: ${role}`, async ({ browser, world, baseURL }, info) => {
      test.setTimeout(120_000)
      const b = await world.building('Résidence Les Tilleuls')
      const a1 = await world.unit(b.id, 'A1', 550)
      const { account: owner, owner: ownerRow } = await world.ownerAccount('Lambert')
      await world.ownership(a1.id, ownerRow.id)
      await world.expense(b.id, 84_000, 'Entretien ascenseur — T1')
      await world.meeting(b.id, 'Assemblée générale ordinaire 2027')
      await world.document(b.id, 'PV AG 2026')
      const account = {
        syndic: world.syndic,
        accountant: await world.user('accountant'),
        owner,
        superadmin: SUPERADMIN,
      }[role]
      const size = { width: 1280, height: 800 }
      const context = await browser.newContext({
        baseURL,
        locale: 'en-GB',
        timezoneId: 'Europe/Brussels',
        viewport: size,
        recordVideo: { dir: info.outputPath('video'), size },
      })
      const page = await context.newPage()
      // Pauses only so a viewer can read each screen; nothing here is asserted on timing.
      const linger = () => page.waitForTimeout(1_200)
      await page.goto('/login')
      await linger()
      await uiLogin(page, account, DASHBOARD[role])
      await linger()
      for (const path of navFor(role).slice(1)) {
        await page.goto(path)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
        await linger()
      }
      await context.close()
      await page.video()?.saveAs(`${videos}${role}.webm`)
      await page.video()?.delete()
    })
  }
}
