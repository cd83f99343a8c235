import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

const scan = async (page: Page) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([])
}

test('landing and login have no WCAG A/AA violations', async ({ page }) => {
  await page.goto('/')
  await scan(page)
  await page.goto('/login')
  await scan(page)
})

test('dashboards have landmarks and no WCAG A/AA violations', async ({ page, world }) => {
  await uiLogin(page, SUPERADMIN, '/admin')
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('navigation').first()).toBeVisible()
  await expect(page.getByTestId('organizations')).toBeVisible()
  await scan(page)
  await page.locator('header button').last().click()
  await uiLogin(page, world.syndic, '/syndic')
  await expect(page.getByTestId('buildings')).toBeVisible()
  await scan(page)
})

test('the login form is usable with the keyboard alone', async ({ page }) => {
  await page.goto('/login')
  await page.locator('#login-email').focus()
  await page.keyboard.type(SUPERADMIN.email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(SUPERADMIN.password)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/admin$/)
})
