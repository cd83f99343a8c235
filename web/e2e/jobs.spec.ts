// Issue #13 item 2: the superadmin's Jobs page (the outbox job queue) in every language; other
// roles have no link to it and the API refuses them.
import AxeBuilder from '@axe-core/playwright'
import { expect, SUPERADMIN, test, uiLogin } from './fixtures'

test('superadmin opens Jobs from the navigation: failed and waiting lists, in the chosen language', async ({
  page,
}) => {
  await uiLogin(page, SUPERADMIN, '/admin')
  await page.getByRole('navigation').first().locator('a[href="/jobs"]').click()
  await expect(page).toHaveURL(/\/jobs$/)
  const jobs = page.getByTestId('jobs')
  // The page shows once both lists are read; the whole e2e run's jobs are in them, so give it time.
  await expect(jobs.getByRole('heading', { level: 2 })).toHaveText(
    [
      /^(Failed jobs|Tâches en échec|Mislukte taken|Fehlgeschlagene Aufträge)$/,
      /^(Waiting and running jobs|Tâches en attente et en cours|Wachtende en lopende taken|Wartende und laufende Aufträge)$/,
    ],
    { timeout: 20_000 },
  )
  await expect(jobs.locator('[role="alert"]')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  // WCAG A/AA: no serious or critical finding (as a11y.spec.ts).
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([])
})

test('a syndic has no Jobs link and the API answers 403', async ({ page, world, request }) => {
  await uiLogin(page, world.syndic, '/syndic')
  await expect(page.getByRole('navigation').first().locator('a[href="/jobs"]')).toHaveCount(0)
  const res = await request.get('/api/v1/admin/jobs', {
    headers: { authorization: `Bearer ${world.syndic.token}` },
  })
  expect(res.status()).toBe(403)
})
