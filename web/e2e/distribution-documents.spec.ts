import { expect, test, uiLogin } from './fixtures'

// The "PDF / CSV" control of an expense queues the distribution documents (202) and shows that
// they are being made. The documents themselves, their text and their idempotent job are proven in
// functions/expenses/distribution-documents.test.ts; this spec proves the screen reaches the API.
test('accountant queues the distribution PDF and CSV of an expense from the expenses list', async ({
  page,
  world,
}) => {
  const b = await world.building()
  const u = await world.unit(b.id, 'A1', 1000)
  const o = await world.owner('Dupré-Façade', `dupre-${Date.now()}@e2e.test`)
  await world.ownership(u.id, o.id)
  const description = `Chauffage ${Date.now()}`
  await world.expense(b.id, 123_457, description)
  const accountant = await world.user('accountant')
  await uiLogin(page, accountant, '/accountant')
  const row = page.getByTestId('expenses').locator('tbody tr', { hasText: description })
  await expect(row).toBeVisible()

  const queued = page.waitForResponse((r) => r.url().includes('/distribution-documents'))
  await row.getByRole('button', { name: 'PDF / CSV' }).click()
  const res = await queued
  expect(res.status()).toBe(202)
  const body = (await res.json()) as { documents: { format: string }[] }
  expect(body.documents.map((d) => d.format)).toEqual(['pdf', 'csv'])
  // Pending until a job runner has run the job, then the two buttons.
  await expect(row.getByTestId('distribution-documents').getByRole('status').first()).toContainText(
    /Generating|Génération|gegenereerd|erzeugt|ready|prêts|klaar|bereit/,
  )
})
