// Issue #15's last web screens: a draft expense edited (PATCH) and refused once approved (409
// expense_not_draft, the server's text shown); an approved expense corrected (reversed and
// replaced) and the correction cancelled with a reason; these writes disabled offline with the
// reason (ADR 0034); the suppliers' list, form and page with its 440 account; the fiscal-year start
// month on the Books page, saved, then refused (409 fiscal_year_has_postings) once entries would move.
import type { BrowserContext, Page } from '@playwright/test'
import { expectNoSeriousAxe } from './axe-scan'
import { expect, test, uiLogin, waitForServiceWorker } from './fixtures'

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true)
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
}

async function goOnline(context: BrowserContext, page: Page) {
  await context.setOffline(false)
  await expect(page.getByTestId('sync-online')).not.toHaveClass(/off/, { timeout: 10_000 })
}

test('syndic: a draft is edited, refused once approved; an approved expense is corrected, then cancelled with a reason', async ({
  page,
  context,
  world,
}) => {
  const b = await world.building(`Money screens ${Date.now()}`)
  await world.unit(b.id, 'A1', 1000)
  const draft = await world.syndicApi.post<{ id: string }>('/expenses', {
    building_id: b.id,
    category: 'Repairs',
    description: 'Gutter draft',
    amount_cents: 12_100,
    expense_date: '2026-02-10',
    draft: true,
  })
  await world.expense(b.id, 84_000, 'Lift service')
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/expenses')
  const expenses = page.getByTestId('expenses')
  const draftRow = expenses.locator('tbody tr', { hasText: 'Gutter draft' })
  await expect(draftRow).toContainText('draft')

  // The draft's edit form is prefilled; saving edits it in place (still a draft).
  await draftRow.getByTestId('expense-edit').click()
  const dialog = page.getByTestId('expense-change')
  await expect(dialog.locator('#expense-change-description')).toHaveValue('Gutter draft')
  await expect(dialog.locator('#expense-change-amount')).toHaveValue('121')
  await dialog.locator('#expense-change-description').fill('Gutter draft, edited')
  await dialog.locator('#expense-change-amount').fill('150,50')
  await expectNoSeriousAxe(page)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  const edited = expenses.locator('tbody tr', { hasText: 'Gutter draft, edited' })
  await expect(edited).toContainText('€150.50')
  await expect(edited).toContainText('draft')

  // Approved elsewhere meanwhile: the edit is refused with the server's words (409 expense_not_draft).
  await edited.getByTestId('expense-edit').click()
  await world.syndicApi.post(`/expenses/${draft.id}/approve`, {})
  await dialog.locator('#expense-change-invoice_number').fill('F-2026-7')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByTestId('expense-change-error')).toContainText('approved and in the books')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)

  // An approved expense: corrected. The original stays, cancelled; the correction is approved.
  const lift = expenses.locator('tbody tr', { hasText: 'Lift service' })
  await expect(lift).toContainText('approved')
  await lift.getByTestId('expense-correct').click()
  await expect(dialog.locator('#expense-change-amount')).toHaveValue('840')
  await expect(dialog.locator('#expense-change-supplier')).toHaveValue('Ascenseurs Dupont')
  await dialog.locator('#expense-change-description').fill('Lift service (corrected)')
  await dialog.locator('#expense-change-amount').fill('900')
  await dialog.getByRole('button', { name: 'Correct' }).click()
  await expect(dialog).toHaveCount(0)
  const corrected = expenses.locator('tbody tr', { hasText: 'Lift service (corrected)' })
  await expect(corrected).toContainText('€900.00')
  await expect(corrected).toContainText('approved')
  await expect(
    expenses.locator('tbody tr', { hasText: 'Lift service' }).filter({ hasNotText: 'corrected' }),
  ).toContainText('cancelled')

  // Offline: correcting and cancelling are disabled, the reason said; enabled again online.
  await waitForServiceWorker(page)
  await goOffline(context, page)
  for (const id of ['expense-correct', 'expense-cancel']) {
    const button = corrected.getByTestId(id)
    await expect(button).toBeDisabled()
    const note = await button.getAttribute('aria-describedby')
    await expect(page.locator(`[id="${note}"]`)).toHaveText(/need a connection/)
  }
  await goOnline(context, page)
  await expect(corrected.getByTestId('expense-cancel')).toBeEnabled()

  // Cancelled with a reason: asked first, the reason kept on the record.
  await corrected.getByTestId('expense-cancel').click()
  const confirm = corrected.getByTestId('expense-cancel-confirm')
  await confirm.getByLabel('Reason for the cancellation').fill('Invoice sent twice')
  await confirm.getByRole('button', { name: 'Confirm' }).click()
  await expect(corrected).toContainText('cancelled')
  const list = await world.syndicApi.get<{ data: { description: string; cancel_reason: string | null }[] }>(
    `/expenses?building_id=${b.id}&per_page=50`,
  )
  expect(list.data.find((e) => e.description === 'Lift service (corrected)')?.cancel_reason).toBe(
    'Invoice sent twice',
  )
})

test('syndic: suppliers are listed, created, edited and opened with their account', async ({
  page,
  world,
}) => {
  const b = await world.building(`Suppliers ${Date.now()}`)
  await world.unit(b.id, 'A1', 1000)
  await uiLogin(page, world.syndic, '/syndic')
  // From the syndic's navigation, next to the other lists.
  await page.getByRole('navigation').first().getByRole('link', { name: 'Suppliers' }).click()
  await expect(page).toHaveURL(/\/suppliers$/)
  const suppliers = page.getByTestId('suppliers')
  await suppliers.getByRole('button', { name: /^New$/ }).click()
  await page.locator('#suppliers-name').fill('Toitures Martin')
  await page.locator('#suppliers-enterprise_number').fill('0123.456.749')
  await page.locator('#suppliers-iban').fill('BE68 5390 0754 7034')
  await suppliers.locator('form[novalidate] button[type="submit"]').click()
  const row = suppliers.locator('tbody tr', { hasText: 'Toitures Martin' })
  await expect(row).toContainText('0123.456.749')
  await expect(row).toContainText('BE68539007547034')

  // A wrong IBAN is refused by the server, said under the field.
  await row.getByRole('button', { name: 'Edit' }).click()
  await page.locator('#suppliers-iban').fill('BE00 0000 0000 0000')
  await suppliers.locator('form[novalidate] button[type="submit"]').click()
  await expect(page.locator('#suppliers-iban-error')).toBeVisible()
  await page.locator('#suppliers-iban').fill('BE68539007547034')
  await page.locator('#suppliers-address').fill('Rue des Tuiles 3, 4000 Liège')
  await suppliers.locator('form[novalidate] button[type="submit"]').click()
  await expect(page.locator('#suppliers-iban-error')).toHaveCount(0)
  await expectNoSeriousAxe(page)

  // An expense naming it: its account shows the 440 line and what is owed.
  const all = await world.syndicApi.get<{ data: { id: string; name: string }[] }>('/suppliers?per_page=100')
  const supplier = all.data.find((s) => s.name === 'Toitures Martin')
  expect(supplier).toBeTruthy()
  await world.syndicApi.post('/expenses', {
    building_id: b.id,
    category: 'Repairs',
    description: 'Roof tiles',
    amount_cents: 24_200,
    expense_date: '2026-04-02',
    supplier_id: supplier?.id,
  })
  await row.getByRole('link', { name: 'Toitures Martin' }).click()
  await expect(page).toHaveURL(new RegExp(`/suppliers/${supplier?.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toitures Martin')
  await expect(page.getByTestId('supplier-record')).toContainText('Rue des Tuiles 3')
  await expect(page.getByTestId('supplier-balance')).toContainText('€242.00')
  await expect(page.getByTestId('supplier-account')).toContainText('Roof tiles')
  await expectNoSeriousAxe(page)
})

test('syndic: the fiscal-year start month is saved, then refused once posted entries would move', async ({
  page,
  world,
}) => {
  const b = await world.building(`Fiscal year ${Date.now()}`)
  await world.unit(b.id, 'A1', 1000)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/books')
  await page.getByTestId('books').getByLabel('Building').selectOption(b.id)
  const settings = page.getByTestId('fiscal-year-settings')
  const month = settings.getByLabel('Accounting period starts in')
  await expect(month).toHaveValue('1')
  // No entry yet: any month is accepted.
  await month.selectOption('7')
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings.getByRole('status')).toHaveText('Saved')
  expect(
    (await world.syndicApi.get<{ fiscal_year_start_month: number }>(`/buildings/${b.id}/ledger/settings`))
      .fiscal_year_start_month,
  ).toBe(7)

  // An approved expense of 31 March 2026 is posted in fiscal year 2025 (July–June): a calendar
  // year would move it to 2026, so the change is refused and the month stays July.
  await world.expense(b.id, 10_000, 'Cleaning March')
  await month.selectOption('1')
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings.getByRole('alert')).toContainText(
    /would move \d+ posted entries to another fiscal year/,
  )
  expect(
    (await world.syndicApi.get<{ fiscal_year_start_month: number }>(`/buildings/${b.id}/ledger/settings`))
      .fiscal_year_start_month,
  ).toBe(7)
  await expectNoSeriousAxe(page)
})
