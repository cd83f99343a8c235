// Issue #16 items 7–8 in the UI: on the building page the syndic imports a Peppol BIS 3.0
// e-invoice (it becomes a draft expense) and records a lot's état daté request (Civil Code art.
// 3.94), which is generated at once and listed with its deadline status.
import { peppolDocument } from '../../functions/test/einvoice/peppol-samples'
import { expect, test, uiLogin } from './fixtures'

test('syndic: e-invoice imported as a draft, état daté requested and listed as delivered', async ({
  page,
  world,
}) => {
  const b = (await world.building(`Sale ${Date.now()}`)) as { id: string }
  await world.unit(b.id, 'A1', 1000)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${b.id}`)
  const section = page.locator('section[aria-labelledby="sale-documents-title"]')
  await expect(section).toBeVisible()

  const xml = peppolDocument({ lines: [{ name: 'Lift maintenance', netCents: 100_000, rate: 21 }] })
  await section.getByTestId('einvoice-file').setInputFiles({
    name: 'invoice.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(xml, 'utf8'),
  })
  await section.getByRole('button', { name: 'Import e-invoice' }).click()
  await expect(section).toContainText('1 draft expense(s) from Ascenseurs Dupont SRL, F2026-0042')
  await expect(section).toContainText('€1,210.00')
  const drafts = await world.syndicApi.get<{ data: { status: string; amount_cents: number }[] }>(
    `/buildings/${b.id}/expenses`,
  )
  expect(drafts.data).toEqual([expect.objectContaining({ status: 'draft', amount_cents: 121_000 })])

  await section.getByLabel('Requested by (notary)').fill('Maître Janssens')
  await section.getByRole('button', { name: 'Record and generate' }).click()
  const list = section.getByTestId('etat-date-list')
  await expect(list).toContainText('Maître Janssens')
  await expect(list).toContainText('delivered')
  await expect(list.getByRole('button', { name: 'PDF' })).toBeVisible()
})
