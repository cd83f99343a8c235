// The books (issue #15 items 1–2, ADR 0031): an expense recorded in the UI as a draft with VAT is
// approved, the trial balance shows it posted and balanced, the account ledger opens from it,
// cancelling posts the reversal; the Books page is axe clean. Owners do not get the page.
import { expectNoSeriousAxe } from './axe-scan'
import { expect, test, uiLogin } from './fixtures'

test('syndic: a draft with VAT is approved, posted, shown in the trial balance and reversed by a cancellation', async ({
  page,
  world,
}) => {
  const b = await world.building(`Books ${Date.now()}`)
  await world.unit(b.id, 'A1', 1000)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/expenses')
  const expenses = page.getByTestId('expenses')
  await expenses.getByRole('button', { name: /^New$/ }).click()
  await page.locator('#expenses-building_id').selectOption(b.id)
  await page.locator('#expenses-category').selectOption('Repairs')
  await page.locator('#expenses-description').fill('Roof gutter')
  await page.locator('#expenses-amount').fill('121,00')
  await page.locator('#expenses-expense_date').fill(`${new Date().getFullYear()}-01-15`)
  await page.locator('#expenses-amount_excl_vat').fill('100,00')
  await page.locator('#expenses-vat_rate').fill('21')
  await page.locator('#expenses-supplier_iban').fill('BE68 5390 0754 7034')
  await page.locator('#expenses-draft').check()
  await expenses.locator('form[novalidate] button[type="submit"]').click()
  const row = expenses.locator('tbody tr', { hasText: 'Roof gutter' })
  await expect(row).toContainText('draft')
  await row.getByTestId('expense-approve').click()
  await expect(row).toContainText('approved')

  await page.goto('/books')
  const books = page.getByTestId('books')
  await books.getByLabel('Building').selectOption(b.id)
  const balance = page.getByTestId('trial-balance')
  await expect(balance.locator('tr[data-account="611"]')).toContainText('€121.00')
  await expect(balance.locator('tr[data-account="440"]')).toContainText('-€121.00')
  await expect(page.getByTestId('trial-balance-total')).toHaveText('€0.00')
  await expectNoSeriousAxe(page)
  await balance.locator('tr[data-account="611"]').getByRole('button').click()
  await expect(page.getByTestId('account-ledger')).toContainText('Roof gutter')
  await expect(page.getByTestId('ledger-entries')).toContainText('purchases')

  await page.goto('/expenses')
  const toCancel = page.getByTestId('expenses').locator('tbody tr', { hasText: 'Roof gutter' })
  await toCancel.getByTestId('expense-cancel').click()
  await toCancel.getByTestId('expense-cancel-confirm').getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByTestId('expenses').locator('tbody tr', { hasText: 'Roof gutter' })).toContainText(
    'cancelled',
  )
  await page.goto('/books')
  await page.getByTestId('books').getByLabel('Building').selectOption(b.id)
  await expect(page.getByTestId('trial-balance').locator('tr[data-account="611"] td').last()).toHaveText(
    '€0.00',
  )
  await expect(page.getByTestId('ledger-entries')).toContainText('Reversal')
})

test('owner: the Books page is not theirs', async ({ page, world }) => {
  const { account } = await world.ownerAccount()
  await uiLogin(page, account, '/owner')
  await expect(page.getByRole('navigation').first().getByRole('link', { name: 'Books' })).toHaveCount(0)
})
