// Issue #20 item 17 in the UI: onboarding a building from a spreadsheet. A file with an error is
// checked, its errors listed by row and column, and nothing is imported; the fixed file is then
// imported and its lots are listed — on a desktop and on a 390 px phone.
import { expect, test, uiLogin } from './fixtures'

const HEADER =
  'Lot number;Lot type;Floor;Surface (m²);Quota (tantièmes);Last name;First name;Address;Postal code;City;Country;Share'

const IMPORT_REGISTER = /^(Import register|Importer le registre|Register importeren|Register importieren)$/

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${[HEADER, ...lines].join('\r\n')}\r\n`),
  }
}

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(device, () => {
    test.use({ viewport })

    test('import a register: errors listed by row and column, nothing imported; fixed, then imported', async ({
      page,
      world,
    }) => {
      const building = await world.building(`Onboarding ${device} ${Date.now()}`)
      const lot = (n: string) => `${device.toUpperCase()}-${n}`
      await uiLogin(page, world.syndic, '/syndic')
      await page.goto('/buildings')
      const row = page.getByTestId('buildings').locator('tbody tr', { hasText: building.name })
      await row.getByRole('button', { name: IMPORT_REGISTER }).click()
      const panel = row.locator('section.register-import')
      await expect(panel).toBeVisible()

      // Row 3 has an unknown lot type and a share above 1.
      await panel
        .locator('input[type="file"]')
        .setInputFiles(
          csv([
            `${lot('A1')};Apartment;1;82,5;120;Dubois;Marc;Rue Haute 5;1000;Bruxelles;BE;1`,
            `${lot('A2')};Castle;2;70;100;Peeters;Anne;Kerkstraat 1;1000;Brussel;BE;3/2`,
          ]),
        )
      await panel
        .getByRole('button', {
          name: /^(Check the file|Vérifier le fichier|Bestand controleren|Datei prüfen)$/,
        })
        .click()
      const errors = panel.locator('.register-errors')
      await expect(errors).toBeVisible()
      await expect(errors.locator('tbody tr')).toHaveCount(2)
      await expect(errors.locator('tbody tr').nth(0)).toContainText('3')
      await expect(errors.locator('tbody tr').nth(0)).toContainText('Lot type')
      await expect(errors.locator('tbody tr').nth(1)).toContainText('Share')
      await expect(
        panel.getByRole('button', { name: /^(Import|Importer|Importeren|Importieren)$/ }),
      ).toHaveCount(0)
      const before = await world.syndicApi.get<{ data: unknown[] }>(`/buildings/${building.id}/units`)
      expect(before.data).toHaveLength(0)

      // The fixed file: previewed, then imported.
      await panel
        .locator('input[type="file"]')
        .setInputFiles(
          csv([
            `${lot('A1')};Apartment;1;82,5;120;Dubois;Marc;Rue Haute 5;1000;Bruxelles;BE;1`,
            `${lot('A2')};Parking;-1;12;100;Peeters;Anne;Kerkstraat 1;1000;Brussel;BE;1/2`,
            `${lot('A2')};;;;;Peeters;Bart;Kerkstraat 1;1000;Brussel;BE;0,5`,
          ]),
        )
      await panel
        .getByRole('button', {
          name: /^(Check the file|Vérifier le fichier|Bestand controleren|Datei prüfen)$/,
        })
        .click()
      await expect(panel.locator('.register-summary')).toContainText('2')
      await panel.getByRole('button', { name: /^(Import|Importer|Importeren|Importieren)$/ }).click()
      await expect(panel.getByRole('status')).toBeVisible()
      // Closing the panel refreshes the list: the building counts its 2 lots.
      await row.getByRole('button', { name: IMPORT_REGISTER }).click()
      await expect(row.locator('td').nth(3)).toHaveText('2')

      const after = await world.syndicApi.get<{ data: { unit_number: string }[] }>(
        `/buildings/${building.id}/units`,
      )
      expect(after.data.map((u) => u.unit_number).sort()).toEqual([lot('A1'), lot('A2')])
      await page.goto('/units')
      const units = page.getByTestId('units')
      await expect(units.locator('tbody tr', { hasText: lot('A1') })).toBeVisible()
      await expect(units.locator('tbody tr', { hasText: lot('A2') })).toBeVisible()
    })
  })
}
