import { expectNoSeriousAxe } from './axe-scan'
import { expect, test, uiLogin } from './fixtures'

// The building page's distribution keys and budget: a syndic creates the lift key, prepares the
// budget with a line under that key, and the assembly's approval is refused while the reserve is
// below 5 % of last year's ordinary charges (the message gives the arithmetic), accepted once the
// reserve reaches it. The rules themselves are proven in functions/buildings/budget-keys.test.ts.
test('syndic creates a key and a budget; approval follows the 5 % reserve rule', async ({ page, world }) => {
  const b = await world.building()
  await world.unit(b.id, '3A', 500)
  await world.unit(b.id, 'C1', 500)
  // Last year's ordinary charges: €10,000.00 (the fixture's expense date is 2026-03-31).
  await world.expense(b.id, 1_000_000)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${b.id}`)

  const keys = page.getByTestId('building-keys')
  await keys.locator('summary').click()
  const keyForm = keys.getByTestId('key-form')
  await keyForm.getByLabel('Name').fill('Ascenseur')
  await keyForm.getByRole('checkbox', { name: '3A' }).check()
  await keyForm.getByRole('button', { name: 'Create the key' }).click()
  await expect(keys.getByTestId('distribution-key')).toContainText('Ascenseur')
  await expect(keys.getByTestId('distribution-key')).not.toContainText('C1')

  const budgets = page.getByTestId('building-budgets')
  const draft = async (reserve: string) => {
    // The <details> stays open after a first draft: open it only when closed.
    if (!(await budgets.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await budgets.locator('summary').click()
    const form = budgets.getByTestId('budget-form')
    await form.getByLabel('Fiscal year').fill('2027')
    const line = form.getByTestId('budget-line').first()
    await line.getByLabel('Distribution key').selectOption({ label: 'Ascenseur' })
    await line.getByLabel('Amount (€)').fill('1200')
    await form.getByLabel('Reserve fund (€)').fill(reserve)
    await form.getByRole('button', { name: 'Create the draft' }).click()
    await expect(budgets.getByRole('status')).toContainText('Draft budget created')
  }
  await draft('100')
  const article = budgets.getByTestId('budget').first()
  await expect(article).toContainText('Ascenseur')
  const approve = article.getByTestId('approve-form')
  await approve.getByLabel('Assembly resolution').fill('AG 2027-03-10, point 4')
  await approve.getByLabel('Approved on').fill('2027-03-10')
  await approve.getByRole('button', { name: 'Approve' }).click()
  // 5 % × €10000.00 = €500.00: refused, with the arithmetic.
  await expect(budgets.getByRole('alert')).toContainText('€500.00')
  await expectNoSeriousAxe(page)

  // A second draft with the minimum reserve: approved, with its resolution shown.
  await draft('500')
  const second = budgets.getByTestId('budget').nth(1)
  await second.getByTestId('approve-form').getByRole('button', { name: 'Approve' }).click()
  await expect(budgets.getByRole('status')).toContainText('Budget approved')
  await expect(second).toContainText('AG 2027-03-10, point 4')
  await expect(second.getByTestId('approve-form')).toHaveCount(0)

  // The expense form offers the building's keys; the expense keeps the one chosen.
  await page.goto('/expenses')
  const section = page.getByTestId('expenses')
  await section.getByRole('button', { name: 'New' }).click()
  await page.locator('#expenses-building_id').selectOption({ label: `${b.name} — Bruxelles` })
  await page.locator('#expenses-category').selectOption('Maintenance')
  await page.locator('#expenses-description').fill('Entretien ascenseur')
  await page.locator('#expenses-amount').fill('700,01')
  await page.locator('#expenses-expense_date').fill('2027-02-01')
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/expenses') && r.request().method() === 'POST',
  )
  await page.locator('#expenses-distribution_key_id').selectOption({ label: `${b.name} — Ascenseur` })
  await section.locator('form[novalidate] button[type="submit"]').click()
  const res = await created
  expect(res.status()).toBe(201)
  const keyList = (await (
    await page.request.get(`/api/v1/buildings/${b.id}/distribution-keys`, {
      headers: { Authorization: `Bearer ${world.syndic.token}` },
    })
  ).json()) as { id: string }[]
  expect(((await res.json()) as { distribution_key_id: string }).distribution_key_id).toBe(keyList[0]?.id)
})
