import { expect, test, uiLogin } from './fixtures'

test('an upload shows its progress, then the document is listed', async ({ page, world }) => {
  const b = await world.building()
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/documents')
  // A slow uplink (≈ 256 KB/s) so a 1.5 MB file takes seconds, as on a phone in a cellar.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  })
  await page.locator('#doc-building_id').selectOption(b.id)
  await page.locator('#doc-document_type').selectOption('Other')
  await page.locator('#doc-title').fill('Plans du bâtiment')
  await page.locator('#doc-file').setInputFiles({
    name: 'plans.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_500_000, 32), Buffer.from('\n%%EOF\n')]),
  })
  await page.getByTestId('documents').locator('form button[type="submit"]').click()
  const progress = page.getByTestId('upload-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toContainText(/Uploading… \d+ %/)
  await expect(progress).toBeHidden({ timeout: 30_000 })
  await expect(
    page.getByTestId('documents').locator('tbody tr', { hasText: 'Plans du bâtiment' }),
  ).toBeVisible()
})
