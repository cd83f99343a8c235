// Issue #20, item 16: the superadmin's Buildings page lists every organization (it used to show
// "organization_id: is required" and spin), with an organization column and filter — on a
// desktop and on a 390 px phone.
import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`superadmin lists buildings of two organizations and filters to one (${viewport.name})`, async ({
    page,
    world,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height })
    const tag = `${Date.now().toString(36)}${viewport.name}`
    const mine = await world.building(`0-Alpha ${tag}`)
    const other = await world.admin.post<{ id: string; name: string }>('/organizations', {
      name: `0-Other ${tag}`,
      slug: `other-${tag}`,
      contact_email: `other-${tag}@e2e.test`,
      subscription_plan: 'Starter',
    })
    const otherBuilding = await world.admin.post<{ id: string; name: string }>('/buildings', {
      organization_id: other.id,
      name: `0-Beta ${tag}`,
      address: 'Place Saint-Lambert 1',
      city: 'Liège',
      postal_code: '4000',
      country: 'Belgium',
      total_units: 4,
    })

    await uiLogin(page, SUPERADMIN, '/admin')
    await page.goto('/buildings')
    const section = page.getByTestId('buildings')
    const rowOf = (name: string) => section.locator('tbody tr', { hasText: name })
    // Unfiltered: every organization's buildings, newest organization first — so both of ours are
    // on page 1 — with no error and no spinner.
    await expect(rowOf(otherBuilding.name)).toBeVisible()
    await expect(rowOf(mine.name)).toBeVisible()
    await expect(section.getByText(/organization_id/)).toHaveCount(0)
    await expect(section.locator('[aria-busy="true"]')).toHaveCount(0)
    const organizations = await section.locator('tbody tr td:first-child').allInnerTexts()
    expect(new Set(organizations).size).toBeGreaterThanOrEqual(2)

    const filterTo = async (organizationId: string) => {
      await section.locator('#buildings-filter-organization_id').selectOption(organizationId)
      await section.locator('form.filters button[type="submit"]').click()
    }
    // One organization, then the other: only that organization's rows, named in the column.
    await filterTo(other.id)
    await expect(rowOf(otherBuilding.name)).toBeVisible()
    await expect(rowOf(otherBuilding.name)).toContainText(`0-Other ${tag}`)
    await expect(rowOf(mine.name)).toHaveCount(0)
    for (const cell of await section.locator('tbody tr td:first-child').allInnerTexts())
      expect(cell).toBe(`0-Other ${tag}`)
    await filterTo(world.orgId)
    await expect(rowOf(mine.name)).toBeVisible()
    await expect(rowOf(otherBuilding.name)).toHaveCount(0)
  })
}
