// Issue #19 item 8: on a 390 px phone the header is compact with an accessible menu, lists are
// cards that show amounts and actions, and the page never scrolls sideways.
import { expectNoHorizontalScroll, expectNoSeriousAxe, expectWithinViewportWidth, PHONE } from './axe-scan'
import { expect, test, uiLogin } from './fixtures'

test.describe('phone 390 px @phone', () => {
  test.use({ viewport: PHONE })

  test('compact header: at most 15 % of the screen, a menu that opens, closes on Esc and returns focus @phone', async ({
    page,
    world,
  }) => {
    await world.building()
    await uiLogin(page, world.syndic, '/syndic')
    const header = page.getByRole('banner')
    const box = await header.boundingBox()
    expect(box?.height ?? 999).toBeLessThanOrEqual(PHONE.height * 0.15)
    const menu = header.getByRole('button', { name: 'Menu' })
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(header.getByRole('link', { name: 'Expenses' })).toBeHidden()
    await menu.click()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    // Focus moves into the menu, Esc closes it and gives focus back to the button.
    await expect(header.getByRole('link', { name: 'Dashboard' })).toBeFocused()
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await expectNoSeriousAxe(page)
    await page.keyboard.press('Escape')
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(menu).toBeFocused()
    await expect(header.getByRole('link', { name: 'Expenses' })).toBeHidden()
    // A link in the menu navigates and closes the menu.
    await menu.click()
    await header.getByRole('link', { name: 'Expenses' }).click()
    await expect(page).toHaveURL(/\/expenses$/)
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expectNoHorizontalScroll(page)
  })

  test('lists are cards: the amount and the actions are visible, nothing scrolls sideways @phone', async ({
    page,
    world,
  }) => {
    const b = await world.building(`Résidence très longue du Parc Royal ${Date.now()}`)
    const e = await world.expense(b.id, 987_654, 'Replacement of the main entrance door and intercom system')
    await uiLogin(page, world.syndic, '/syndic')
    await page.goto('/expenses')
    const row = page.getByTestId('expenses').locator(`[data-row-id="${e.id}"]`)
    await expectWithinViewportWidth(page, row.getByText('€9,876.54'))
    await expectWithinViewportWidth(page, row.getByRole('button', { name: 'Mark paid' }))
    await expectWithinViewportWidth(
      page,
      row
        .getByRole('button', { name: 'Delete' })
        .or(row.getByRole('button', { name: 'Distribution' }))
        .first(),
    )
    // Each value keeps its column's label in the card.
    const labels = await row
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content))
    expect(labels).toContain('"Amount (€)"')
    await expectNoHorizontalScroll(page)
    for (const path of ['/buildings', '/units', '/owners', '/meetings', '/documents', '/syndic']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoHorizontalScroll(page)
    }
    await page.goto('/expenses')
    await expect(row).toBeVisible()
    await expectNoSeriousAxe(page)
  })
})

test('desktop keeps the full navigation visible without a menu button', async ({ page, world }) => {
  await uiLogin(page, world.syndic, '/syndic')
  const header = page.getByRole('banner')
  await expect(header.getByRole('button', { name: 'Menu' })).toBeHidden()
  await expect(header.getByRole('link', { name: 'Expenses' })).toBeVisible()
})
