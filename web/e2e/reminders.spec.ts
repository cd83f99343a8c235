import { expectNoHorizontalScroll, expectNoSeriousAxe } from './axe-scan'
import { expect, test, uiLogin, uiLogout } from './fixtures'

// Issue #16 item 4: the syndic sets late interest on the building page (with the statutes that
// allow it), runs the reminders for a day, sees them listed; the owner's portal (phone too) shows
// their own reminder with its total and opens its letter. The arithmetic (ladder, interest in
// cents, postings) is proven in functions/arrears/reminders.test.ts and the domain's property tests.

test('interest allowed by the statutes → reminders run by the syndic → the owner sees theirs and its letter @phone', async ({
  page,
  world,
}) => {
  const api = world.syndicApi
  const b = await world.building()
  const a = await world.unit(b.id, 'A', 500)
  const bb = await world.unit(b.id, 'B', 500)
  const mine = await world.ownerAccount('Janssens')
  const other = await world.owner('Peeters')
  await world.ownership(a.id, mine.owner.id)
  await world.ownership(bb.id, other.id)
  await api.put(`/buildings/${b.id}/bank-accounts/reserve`, {
    iban: 'BE71 0961 2345 6769',
    holder_name: 'ACP Résidence — réserve',
  })
  // A reserve call of €1,000.00 due 31 January 2026, unpaid.
  await api.post(`/buildings/${b.id}/calls`, {
    kind: 'reserve',
    label: 'Réserve 2026',
    issue_date: '2026-01-01',
    due_date: '2026-01-31',
    amount_cents: 100_000,
  })

  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${b.id}`)
  const section = page.getByTestId('building-reminders')
  await section.getByText('Ladder, fee and interest').click()
  const settings = section.getByTestId('arrears-settings-form')
  await settings.getByTestId('interest-enabled').check()
  await settings.getByLabel('Allowed by').selectOption('statutes')
  await settings.getByLabel('Reference (e.g. statutes art. 24)').fill('Statuts art. 24')
  await settings.getByRole('button', { name: 'Save the settings' }).click()
  await expect(section.getByRole('status')).toContainText('Settings saved.')
  const run = section.getByTestId('run-reminders-form')
  await run.getByLabel('As of').fill('2026-02-15')
  await run.getByRole('button', { name: 'Send the reminders due' }).click()
  await expect(section.getByRole('status')).toContainText('2 reminder(s) sent.')
  const rows = section.getByTestId('reminder-row')
  await expect(rows).toHaveCount(2)
  // €500.00 for 15 days at 4.50 % (2026): 50 000 × 0.045 × 15/365 = 92.47 → €0.92.
  await expect(rows.first()).toContainText('€500.92')
  await expectNoHorizontalScroll(page)
  await expectNoSeriousAxe(page)
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' })
  if (await menu.isVisible()) await menu.click()
  await uiLogout(page)

  // The owner's portal: their reminder only, with its letter once the job rendered it.
  await uiLogin(page, mine.account, '/owner')
  const reminders = page.getByTestId('owner-reminder')
  await expect(reminders).toHaveCount(1)
  await expect(reminders.first()).toContainText('Reminder of')
  await expect(reminders.first()).toContainText('€500.92')
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('owner-reminder-letter')).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const letter = page.waitForResponse((r) => /\/documents\/[^/]+\/download/.test(r.url()))
  await page.getByTestId('owner-reminder-letter').click()
  const pdf = await letter
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  await expectNoHorizontalScroll(page)
  await expectNoSeriousAxe(page)
})
