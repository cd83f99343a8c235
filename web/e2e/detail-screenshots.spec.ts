// The user guide's screenshots of the detail pages and the owner portal, at desktop and phone
// size. Like screenshots.spec.ts: into docs/screenshots/ only with E2E_SCREENSHOTS=docs
// (`make screenshots`), otherwise into test-results/.
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { PHONE } from './axe-scan'
import { expect, test, uiLogin, uiLogout, type World } from './fixtures'

const dir = fileURLToPath(
  new URL(
    process.env.E2E_SCREENSHOTS === 'docs' ? '../../docs/screenshots/' : '../../test-results/screenshots/',
    import.meta.url,
  ),
)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${dir}${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' })

async function residence(world: World) {
  const building = await world.building('Résidence du Parc')
  const { account, owner } = await world.ownerAccount('Lambert')
  const other = await world.owner('Dubois')
  const a1 = await world.unit(building.id, 'A1', 600)
  const b2 = await world.unit(building.id, 'B2', 400)
  await world.ownership(a1.id, owner.id)
  await world.ownership(b2.id, other.id)
  await world.expense(building.id, 125_000, 'Lift maintenance')
  const meeting = await world.meeting(building.id, 'Ordinary general assembly 2027')
  await world.document(building.id, 'Minutes 2026')
  return { building, account, owner, meeting }
}

async function takeAll(page: Page, world: World, suffix: string) {
  const r = await residence(world)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${r.building.id}`)
  await expect(page.getByTestId('building-lots')).toContainText('B2')
  await expect(page.getByTestId('building-documents')).toContainText('Minutes 2026')
  await shot(page, `building-page${suffix}`)
  await page.goto(`/owners/${r.owner.id}`)
  await expect(page.getByTestId('owner-page-charges')).toContainText('€750.00')
  await shot(page, `owner-page${suffix}`)
  await page.goto(`/meetings/${r.meeting.id}`)
  await expect(page.getByTestId('meeting-agenda')).toContainText('Approval of the accounts')
  await shot(page, `meeting-page${suffix}`)
  if (suffix) {
    await page.getByRole('button', { name: 'Menu' }).click()
    await shot(page, `menu${suffix}`)
    await page.keyboard.press('Escape')
    await page.goto('/expenses')
    await expect(page.getByTestId('expenses')).toContainText('Lift maintenance')
    await shot(page, `expenses-cards${suffix}`)
    await page.getByRole('button', { name: 'Menu' }).click()
  }
  await uiLogout(page)
  await uiLogin(page, r.account, '/owner')
  await expect(page.getByTestId('owner-agenda')).toContainText(r.meeting.title)
  await expect(page.getByTestId('owner-owe')).toContainText('€750.00')
  await shot(page, `owner-portal${suffix}`)
}

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } })
  test('screenshots of the building, owner and meeting pages and the owner portal', async ({
    page,
    world,
  }) => {
    await takeAll(page, world, '')
  })
})

test.describe('phone 390 px @phone', () => {
  test.use({ viewport: PHONE })
  test('phone screenshots of the detail pages, the menu, a card list and the owner portal @phone', async ({
    page,
    world,
  }) => {
    await takeAll(page, world, '-phone')
  })
})
