import { readFileSync } from 'node:fs'
import { expect, test, uiLogin } from './fixtures'

test('every list exports its rows as CSV: UTF-8 BOM, ";" in French, all rows of the filter', async ({
  page,
  world,
}) => {
  const a = await world.building(`Résidence Été ${Date.now()}`)
  const b = await world.building(`Résidence Hiver ${Date.now()}`)
  await world.expense(a.id, 123_457, 'Ascenseur; révision "annuelle"')
  await uiLogin(page, world.syndic, '/syndic')
  await page.locator('#lang-header').selectOption('fr')
  const list = page.getByTestId('buildings')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    list.getByTestId('buildings-csv').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^buildings-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync((await download.path()) ?? '', 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const lines = text.slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^Nom;Adresse;Ville;/)
  expect(
    lines
      .slice(1)
      .map((l) => l.split(';')[0])
      .sort(),
  ).toEqual([a.name, b.name].sort())
  await expect(page.getByText('2 lignes exportées.')).toBeVisible()

  await page.getByRole('tab', { name: 'Dépenses' }).click()
  const [expenses] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('expenses-csv').click(),
  ])
  const csv = readFileSync((await expenses.path()) ?? '', 'utf8')
  expect(csv).toContain('"Ascenseur; révision ""annuelle"""')
})

test('the documents list exports its rows too, with the building’s name and the type in the UI language', async ({
  page,
  world,
}) => {
  const b = await world.building(`Résidence Documents ${Date.now()}`)
  const doc = await world.document(b.id, 'PV; AG "2026"')
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto('/documents')
  await page.locator('#lang-header').selectOption('fr')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('documents-csv').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^documents-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync((await download.path()) ?? '', 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const lines = text.slice(1).trimEnd().split('\r\n')
  expect(lines[0]?.startsWith('Titre;')).toBe(true)
  expect(text).toContain(`"${doc.title.replaceAll('"', '""')}"`)
  expect(text).toContain(b.name)
  await expect(page.getByText('1 ligne exportée.')).toBeVisible()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test('@phone the export button is on screen next to the list title', async ({ page, world }) => {
    await world.building()
    await uiLogin(page, world.syndic, '/syndic')
    const button = page.getByTestId('buildings-csv')
    await expect(button).toBeVisible()
    const box = await button.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
  })
})
