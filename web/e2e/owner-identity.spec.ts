// Issue #20 items 5, 6 and 9 in the UI: a company owner reached by paper mail only, and a
// building carrying its syndic's public identity — on a desktop and on a 390 px phone.
import { expect, test, uiLogin } from './fixtures'

const SUBMIT = 'form[novalidate] button[type="submit"]'
const NEW = /^(New|Nouveau|Nieuw|Neu)$/

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(device, () => {
    test.use({ viewport })

    test('a company owner without e-mail: the type switch shows the company fields', async ({
      page,
      world,
    }) => {
      await uiLogin(page, world.syndic, '/syndic')
      await page.goto('/owners')
      const section = page.getByTestId('owners')
      await section.getByRole('button', { name: NEW }).click()

      // A new owner is a person: first and last name asked, no company fields.
      await expect(page.locator('#owners-owner_type')).toHaveValue('person')
      await expect(page.locator('#owners-first_name')).toBeVisible()
      await expect(page.locator('#owners-company_name')).toHaveCount(0)

      await page.locator('#owners-owner_type').selectOption('company')
      await expect(page.locator('#owners-first_name')).toHaveCount(0)
      const company = `Immo ${device} ${Date.now()} SRL`
      await page.locator('#owners-company_name').fill(company)
      // A wrong check digit is refused by the server, next to the field.
      await page.locator('#owners-enterprise_number').fill('0123.456.748')
      await page.locator('#owners-legal_representative').fill('Jean Peeters')
      await page.locator('#owners-address').fill('Boulevard du Roi 5')
      await page.locator('#owners-city').fill('Liège')
      await page.locator('#owners-postal_code').fill('4000')
      await page.locator('#owners-country').fill('Belgium')
      await page.locator('#owners-preferred_language').selectOption('nl')
      await section.locator(SUBMIT).click()
      await expect(page.locator('#owners-enterprise_number-error')).toBeVisible()

      await page.locator('#owners-enterprise_number').fill('BE0123456749')
      await section.locator(SUBMIT).click()
      const row = section.locator('tbody tr', { hasText: company })
      await expect(row).toBeVisible()
      await expect(row).toContainText('nl')

      // Stored as the API says: no e-mail, normalized number, no consent.
      const page1 = await world.syndicApi.get<{ data: Record<string, unknown>[] }>(
        '/owners?owner_type=company&has_email=false',
      )
      expect(page1.data).toEqual([
        expect.objectContaining({
          company_name: company,
          enterprise_number: '0123.456.749',
          legal_representative: 'Jean Peeters',
          email: null,
          preferred_language: 'nl',
          email_consent: false,
        }),
      ])
    })

    test("a building with its syndic's identity", async ({ page, world }) => {
      await uiLogin(page, world.syndic, '/syndic')
      await page.goto('/buildings')
      const section = page.getByTestId('buildings')
      await section.getByRole('button', { name: NEW }).click()
      const name = `Horizon ${device} ${Date.now()}`
      await page.locator('#buildings-name').fill(name)
      await page.locator('#buildings-address').fill('Avenue Louise 1')
      await page.locator('#buildings-city').fill('Bruxelles')
      await page.locator('#buildings-postal_code').fill('1050')
      await page.locator('#buildings-country').fill('Belgium')
      await page.locator('#buildings-declared_units').fill('2')
      await page.locator('#buildings-syndic_name').fill('Syndic Dupont SRL')
      await page.locator('#buildings-syndic_enterprise_number').fill('0123 456 749')
      await page.locator('#buildings-syndic_address').fill('Rue Haute 1, 1000 Bruxelles')
      await page.locator('#buildings-syndic_email').fill('gestion@dupont.be')
      await page.locator('#buildings-syndic_phone').fill('+32 2 123 45 67')
      await section.locator(SUBMIT).click()
      const row = section.locator('tbody tr', { hasText: name })
      await expect(row).toBeVisible()

      // The edit form shows what was stored (the number normalized).
      await row.getByRole('button', { name: /^(Edit|Modifier|Bewerken|Bearbeiten)$/ }).click()
      await expect(page.locator('#buildings-syndic_name')).toHaveValue('Syndic Dupont SRL')
      await expect(page.locator('#buildings-syndic_enterprise_number')).toHaveValue('0123.456.749')
      await expect(page.locator('#buildings-declared_units')).toHaveValue('2')
      const listed = await world.syndicApi.get<{ data: Record<string, unknown>[] }>('/buildings')
      expect(listed.data.find((b) => b.name === name)).toMatchObject({
        total_units: 0,
        declared_units: 2,
        syndic_address: 'Rue Haute 1, 1000 Bruxelles',
        syndic_email: 'gestion@dupont.be',
        syndic_phone: '+32 2 123 45 67',
      })
    })
  })
}
