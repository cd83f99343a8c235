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
})
