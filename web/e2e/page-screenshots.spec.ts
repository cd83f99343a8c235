// Every page of the app at desktop size and on a 390×844 phone (tagged @phone: the phone project
// runs it again), driven by the file routes (route-list.ts): a page added later is opened and
// pictured without touching this file. Each page is opened by the first role (syndic, owner,
// accountant, superadmin) its guard lets in; public pages signed out; a detail page (`[id]`) with
// a row made here, or else through the first link to it on its list.
// With E2E_SCREENSHOTS=docs (`make screenshots`) the pictures go to docs/screenshots/pages/ and
// the table of docs/user-guide.md between its `pages` markers is rewritten from this same list;
// otherwise they go to test-results/ and the guide is left alone.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { translate } from '@koprogo/domain/i18n'
import type { Page, TestInfo } from '@playwright/test'
import { canOpen, DASHBOARD, NAV_LABEL } from '../src/lib/roles'
import { expect, SUPERADMIN, test, uiLogin, type World } from './fixtures'
import { type AppRoute, appRoutes, routeSlug } from './route-list'

const docs = process.env.E2E_SCREENSHOTS === 'docs'
const shotsDir = fileURLToPath(
  new URL(docs ? '../../docs/screenshots/pages/' : '../../test-results/screenshots/pages/', import.meta.url),
)
const guide = fileURLToPath(new URL('../../docs/user-guide.md', import.meta.url))
const START = '<!-- pages:start (written by web/e2e/page-screenshots.spec.ts) -->'
const END = '<!-- pages:end -->'

const ROLES = ['syndic', 'owner', 'accountant', 'superadmin'] as const
type Role = (typeof ROLES)[number]
const en = (key: Parameters<typeof translate>[1]) => translate('en', key)

/** Who opens a route: null for a public page (signed out). */
const roleFor = (r: AppRoute): Role | null => {
  const guard = r.guard
  return guard ? (ROLES.find((role) => canOpen(role, guard)) ?? null) : null
}

/** One building with everything a detail page shows; the ids that fill `[id]` segments. */
async function furnish(world: World) {
  const building = await world.building('Résidence Les Tilleuls')
  const unit = await world.unit(building.id, 'A1', 550)
  await world.unit(building.id, 'B2', 450)
  const { account: owner, owner: ownerRow } = await world.ownerAccount('Lambert')
  await world.ownership(unit.id, ownerRow.id)
  const expense = await world.expense(building.id, 84_000, 'Entretien ascenseur')
  const meeting = await world.meeting(building.id, 'Assemblée générale 2027')
  const document = await world.document(building.id, 'PV AG 2026')
  const supplier = await world.syndicApi.post<{ id: string }>('/suppliers', {
    name: 'Ascenseurs Dupont',
    enterprise_number: '0123.456.749',
    iban: 'BE68539007547034',
  })
  const ids: Record<string, string> = {
    '/buildings': building.id,
    '/units': unit.id,
    '/owners': ownerRow.id,
    '/expenses': (expense as { id: string }).id,
    '/meetings': (meeting as { id: string }).id,
    '/documents': document.id,
    '/suppliers': supplier.id,
  }
  return {
    ids,
    accounts: {
      syndic: world.syndic,
      owner,
      accountant: await world.user('accountant'),
      superadmin: SUPERADMIN,
    },
  }
}

/** Waits until a page shows its content: one h1, nothing still loading. */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
}

/** The URL that opens a route: a made row's id, else the first link to it on its list. */
async function urlOf(page: Page, r: AppRoute, ids: Record<string, string>): Promise<string | null> {
  if (!r.parent) return r.pattern
  const id = ids[r.parent]
  if (id) return r.pattern.replace(/\[[^\]]+\]/, id)
  await page.goto(r.parent)
  const link = page.locator(`main a[href^="${r.parent}/"]`).first()
  if ((await link.count()) === 0) return null
  return link.getAttribute('href')
}

/** The table of the guide: one row per route, its label as the English UI names it. */
function guideTable(rows: { slug: string; label: string }[]): string {
  const cells = rows.map((r) => [
    r.label,
    `![${r.label}, desktop](screenshots/pages/${r.slug}-desktop.png)`,
    `![${r.label}, phone](screenshots/pages/${r.slug}-phone.png)`,
  ])
  const head = ['page', 'computer', 'phone']
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)))
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(width[i] ?? 0)).join(' | ')} |`
  return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line)].join('\n')
}

const ROLE_NAME: Record<Role, string> = {
  syndic: 'Syndic',
  owner: 'Owner',
  accountant: 'Accountant',
  superadmin: 'Administrator',
}

/** "Buildings", "Buildings: one building", "Owner: My home", "Sign in", "Home page". */
function labelOf(r: AppRoute, role: Role | null, title: string): string {
  if (r.pattern === '/') return 'Home page'
  const section = r.parent ?? r.pattern
  const name = section in NAV_LABEL ? en(NAV_LABEL[section as keyof typeof NAV_LABEL]) : null
  if (r.parent) return `${name ?? r.parent}: one ${r.parent.slice(1).replace(/s$/, '')}`
  if (!name) return title.replace(/ — KoproGo$/, '') || r.pattern
  // A role's own pages (its dashboard, the administrator's tools) are named with the role.
  const own = role && (role !== 'syndic' || r.guard === DASHBOARD.syndic)
  return own ? `${ROLE_NAME[role]}: ${name}` : name
}

async function shoot(page: Page, info: TestInfo, slug: string) {
  mkdirSync(shotsDir, { recursive: true })
  await page.screenshot({
    path: `${shotsDir}${slug}-${info.project.name}.png`,
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  })
}

test('@phone every page of the route list, pictured at this size', async ({ page, world }, info) => {
  test.setTimeout(240_000)
  const routes = appRoutes()
  const { ids, accounts } = await furnish(world)
  const rows: { slug: string; label: string }[] = []
  const missing: string[] = []
  const order: (Role | null)[] = [null, ...ROLES]
  for (const role of order) {
    const mine = routes.filter((r) => roleFor(r) === role)
    if (mine.length === 0) continue
    await page.context().clearCookies()
    await page.goto('/login')
    await page.evaluate(() => localStorage.clear())
    if (role) await uiLogin(page, accounts[role], DASHBOARD[role])
    for (const r of mine) {
      await test.step(r.pattern, async () => {
        const url = await urlOf(page, r, ids)
        if (!url) {
          missing.push(r.pattern)
          return
        }
        await page.goto(url)
        await settled(page)
        const slug = routeSlug(r.pattern)
        await shoot(page, info, slug)
        rows.push({ slug, label: labelOf(r, role, await page.title()) })
      })
    }
  }
  // A page added later with no row to show: say which, so a sample is added in furnish().
  expect(missing, 'detail pages with no sample row: add one in furnish()').toEqual([])
  expect(rows.map((r) => r.slug).sort()).toEqual(routes.map((r) => routeSlug(r.pattern)).sort())
  if (docs && info.project.name === 'desktop') {
    // In the order they were visited: public pages, then each role's.
    const byRoute = rows
    const text = readFileSync(guide, 'utf8')
    const from = text.indexOf(START)
    const to = text.indexOf(END)
    expect(from, `docs/user-guide.md must hold the markers ${START} … ${END}`).toBeGreaterThan(-1)
    writeFileSync(
      guide,
      `${text.slice(0, from + START.length)}\n\n${guideTable(byRoute)}\n\n${text.slice(to)}`,
    )
  }
})
