import { createRequire } from 'node:module'
import { expectNoHorizontalScroll, expectNoSeriousAxe } from './axe-scan'
import { expect, test, uiLogin, uiLogout } from './fixtures'

// Issue #15's done-when: from the approved budget to a call issued on the building page, then the
// owner's portal (phone too) shows the due line with IBAN and communication, opens the letter and
// shows an EPC QR code that an independent decoder (jsqr, over the element's screenshot) reads
// back as the SEPA transfer of that line. The arithmetic is proven in functions/calls/calls.test.ts.

// pngjs and jsqr are the functions package's dev dependencies (its QR round-trip test): loaded
// from there rather than added to the web app.
const requireFromFunctions = createRequire(new URL('../../functions/package.json', import.meta.url))
const { PNG } = requireFromFunctions('pngjs') as {
  PNG: { sync: { read(buffer: Buffer): { data: Buffer; width: number; height: number } } }
}
const jsQR = requireFromFunctions('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null

test('budget approved → call issued by the syndic → the owner pays from the portal’s QR code @phone', async ({
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
  await api.put(`/buildings/${b.id}/bank-accounts/working_capital`, {
    iban: 'BE68 5390 0754 7034',
    bic: 'GKCCBEBB',
    holder_name: 'ACP Résidence',
  })
  // The assembly approves the 2027 budget: €4,000.00 of provisions, called quarterly.
  const budget = await api.post<{ id: string }>(`/buildings/${b.id}/budgets`, {
    fiscal_year: 2027,
    provision_periodicity: 'quarterly',
    lines: [{ category: 'Insurance', label: 'Assurance incendie', amount_cents: 400_000 }],
    reserve_contribution_cents: 0,
  })
  await api.post(`/buildings/${b.id}/budgets/${budget.id}/approve`, {
    resolution_reference: 'AG 2026-11-20, point 3',
    approved_on: '2026-11-20',
  })

  // The syndic issues the first quarter from the building page: the server computes the lines.
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${b.id}`)
  const calls = page.getByTestId('building-calls')
  const form = calls.getByTestId('issue-call-form')
  await form.getByLabel('Kind').selectOption('provision')
  await form.getByLabel('Period').selectOption('1')
  await form.getByLabel('Label').fill('Provisions T1 2027')
  await form.getByLabel('Due date').fill('2027-01-15')
  await form.getByRole('button', { name: 'Issue a call' }).click()
  await expect(calls.getByRole('status')).toContainText('Call no. 1 issued: €1,000.00')
  await calls.getByTestId('call-row').getByRole('button', { name: 'Show the lines' }).click()
  const lines = calls.getByTestId('call-line')
  await expect(lines).toHaveCount(2)
  await expect(lines.first()).toContainText('€500.00')
  await expect(lines.first()).toContainText(/\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/)
  await calls.getByRole('button', { name: 'Postal list' }).click()
  await expect(calls.getByTestId('postal-list').locator('li')).toHaveCount(2)
  // A payment by the other owner, allocated to their line.
  const pay = calls.getByTestId('payment-form')
  await pay.getByLabel('Owner').selectOption({ label: 'Anne Peeters' })
  await pay.getByLabel('Amount').fill('200')
  await pay.getByLabel('Payment date').fill('2027-01-10')
  await pay.getByRole('button', { name: 'Record' }).click()
  const allocation = calls.getByTestId('payment-allocation')
  await expect(allocation).toContainText('€200.00')
  await expect(allocation).toContainText(/Provisions T1 2027 · Lot B · \+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/)
  await expectNoHorizontalScroll(page)
  await expectNoSeriousAxe(page)
  // On a phone the sign-out button is in the header's menu.
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' })
  if (await menu.isVisible()) await menu.click()
  await uiLogout(page)

  // The owner's portal: the due line with IBAN and communication, the letter, the QR code.
  await uiLogin(page, mine.account, '/owner')
  const due = page.getByTestId('due-line').first()
  await expect(due).toContainText('€500.00')
  await expect(due.getByTestId('due-iban')).toHaveText('BE68 5390 0754 7034')
  const communication = (await due.getByTestId('due-communication').textContent()) ?? ''
  expect(communication).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/)
  // The account's history a page at a time (ADR 0048): the call with its running balance, the
  // count over the whole history, and what is due now from the API's totals.
  await expect(page.getByTestId('account-entry').first()).toContainText('€500.00')
  await expect(page.getByTestId('account-shown')).toHaveText('1 of 1 entries')
  await expect(page.getByTestId('account-more')).toHaveCount(0)
  await expect(page.getByTestId('account-due')).toBeVisible()
  // The letter is rendered by the job runner: reload until its button is there.
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('due-letter').first()).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const letter = page.waitForResponse((r) => /\/documents\/[^/]+\/download/.test(r.url()))
  await page.getByTestId('due-letter').first().click()
  const pdf = await letter
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  // The bytes themselves (the page's fetch consumed the body): a PDF.
  const bytes = await page.request.get(pdf.url(), {
    headers: { Authorization: `Bearer ${mine.account.token}` },
  })
  expect((await bytes.body()).subarray(0, 5).toString()).toBe('%PDF-')

  const qr = page.getByTestId('epc-qr').first()
  await expect(qr).toBeVisible()
  const png = PNG.sync.read(await qr.screenshot())
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(decoded, 'the QR code decodes').not.toBeNull()
  // EPC069-12 v2: service tag, version, UTF-8, SEPA credit transfer, BIC, name, IBAN, amount,
  // purpose, structured reference (the Belgian communication's 12 digits).
  const fields = (decoded?.data ?? '').split('\n')
  expect(fields.slice(0, 8)).toEqual([
    'BCD',
    '002',
    '1',
    'SCT',
    'GKCCBEBB',
    'ACP Résidence',
    'BE68539007547034',
    'EUR500.00',
  ])
  expect(fields[9]).toBe(communication.replace(/\D/g, ''))
  await expectNoHorizontalScroll(page)
  await expectNoSeriousAxe(page)
})
