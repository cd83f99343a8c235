// The year-end close (issue #16 item 5, ADR 0040) on the Books page: the open year's statement is a
// preview; the syndic closes the year after a confirmation and the section says it is frozen, the
// regularisation unchanged; axe clean. The arithmetic is proven to the cent in
// functions/test/scenarios/year-end.scenario.test.ts.
import { readFileSync } from 'node:fs'
import { expectNoSeriousAxe } from './axe-scan'
import { expect, test, uiLogin } from './fixtures'

test('syndic: the 2025 statements are previewed, then the year is closed after a confirmation', async ({
  page,
  context,
  world,
}) => {
  const api = world.syndicApi
  const b = await world.building(`Year-end ${Date.now()}`)
  const a = await world.unit(b.id, 'A', 1000)
  const owner = await world.owner('Janssens')
  // Held since 2020, so the 2025 call and invoice find the owner.
  await api.post(`/units/${a.id}/owners`, {
    owner_id: owner.id,
    ownership_share: 1,
    is_primary_contact: true,
    start_date: '2020-01-01',
  })
  await api.put(`/buildings/${b.id}/bank-accounts/working_capital`, {
    iban: 'BE68 5390 0754 7034',
    holder_name: 'ACP Year-end',
  })
  const budget = await api.post<{ id: string }>(`/buildings/${b.id}/budgets`, {
    fiscal_year: 2025,
    provision_periodicity: 'quarterly',
    lines: [{ category: 'Insurance', label: 'Assurance', amount_cents: 100_000 }],
    reserve_contribution_cents: 0,
  })
  await api.post(`/buildings/${b.id}/budgets/${budget.id}/approve`, {
    resolution_reference: 'AG 2024-11-20',
    approved_on: '2024-11-20',
  })
  await api.post(`/buildings/${b.id}/calls`, {
    kind: 'provision',
    label: 'T1 2025',
    issue_date: '2025-01-02',
    due_date: '2025-01-15',
    period: 1,
    fiscal_year: 2025,
  })
  await api.post('/expenses', {
    building_id: b.id,
    category: 'Insurance',
    description: 'Assurance 2025',
    amount_cents: 40_000,
    expense_date: '2025-02-10',
  })

  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/books')
  const books = page.getByTestId('books')
  await books.getByLabel('Building').selectOption(b.id)
  await books.getByLabel('Fiscal year').fill('2025')
  await books.getByLabel('Fiscal year').dispatchEvent('change')
  const section = page.getByTestId('year-end')
  // €400.00 of charges − €250.00 of provisions called = €150.00 to pay.
  await expect(section.getByTestId('regularisation')).toHaveText('€150.00')
  await expect(section).toContainText('preview')
  await expectNoSeriousAxe(page)
  page.once('dialog', (d) => d.accept())
  await section.getByTestId('close-year').click()
  await expect(section.getByTestId('year-closed')).toContainText('Closed on')
  await expect(section.getByTestId('regularisation')).toHaveText('€150.00')
  await expect(section.getByTestId('close-year')).toHaveCount(0)
  // The annual accounts for the assembly (ADR 0042): a PDF in the reader's language (English here).
  const pdfButton = section.getByTestId('accounts-pdf')
  await expect(pdfButton).toHaveText('Annual accounts (PDF)')
  const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()])
  expect(download.suggestedFilename()).toBe('annual-accounts-2025-en.pdf')
  const bytes = readFileSync(await download.path())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // The server renders it: offline the button is disabled with the reason next to it.
  await context.setOffline(true)
  await expect(page.getByTestId('sync-online')).toHaveClass(/off/)
  await expect(pdfButton).toBeDisabled()
  await expect(pdfButton).toHaveAttribute('aria-describedby', 'ye-accounts-offline')
  await expect(page.locator('#ye-accounts-offline')).toHaveText(
    'The annual accounts PDF is made by the server: connect to download it.',
  )
  await context.setOffline(false)
  await expect(pdfButton).toBeEnabled({ timeout: 10_000 })
})
