// The assembly's account auditor (issue #16 item 5, art. 3.91) in the web app: granted building
// B of a firm that also manages building C, they land on the list of their building(s), see the
// read-only badge, and read B's page, expenses, documents, books and closed year — never C, and
// never a create/edit/delete control. Which reads and refusals the API enforces is proven in
// functions/buildings/auditor-reads.test.ts; this checks the screens an auditor uses.
import { capturedLink, expect, test, uiLogin } from './fixtures'

test('auditor: lands on the audited building, reads expenses, documents, books and year-end, writes nothing @phone', async ({
  page,
  world,
}) => {
  const api = world.syndicApi
  const tag = Date.now().toString(36)
  const B = await world.building(`Audited ${tag}`)
  const C = await world.building(`Other ${tag}`)
  const lot = await world.unit(B.id, 'A', 1000)
  const owner = await world.owner(`Janssens${tag}`)
  await world.ownership(lot.id, owner.id)
  await api.post('/expenses', {
    building_id: B.id,
    category: 'Insurance',
    description: `Assurance B ${tag}`,
    amount_cents: 40_000,
    expense_date: '2025-02-10',
  })
  await api.post('/expenses', {
    building_id: C.id,
    category: 'Insurance',
    description: `Assurance C ${tag}`,
    amount_cents: 50_000,
    expense_date: '2025-02-10',
  })
  await api.put(`/buildings/${B.id}/bank-accounts/working_capital`, {
    iban: 'BE68 5390 0754 7034',
    holder_name: 'ACP Audited',
  })
  await api.post(`/buildings/${B.id}/calls`, {
    kind: 'extraordinary',
    label: `Toiture ${tag}`,
    issue_date: '2025-02-01',
    due_date: '2025-03-01',
    amount_cents: 100_000,
    resolution_ref: 'AG 2025-01-15 point 4',
    account: 'working_capital',
  })
  await world.document(B.id, `Contrat B ${tag}`)
  await world.document(C.id, `Contrat C ${tag}`)
  await api.post(`/buildings/${B.id}/fiscal-years/2025/close`, {})
  const auditor = await world.user('auditor')
  await api.post(`/buildings/${B.id}/auditors`, { user_id: auditor.id })

  // Lands on the list of the buildings granted to them: B only, no "New" button, the badge.
  await uiLogin(page, auditor, '/buildings')
  await expect(page.getByTestId('read-only-badge')).toHaveText('Auditor – read only')
  const main = page.locator('main')
  await expect(main.getByText(B.name)).toBeVisible()
  await expect(main.getByText(C.name)).toHaveCount(0)
  await expect(main.getByRole('button', { name: 'New' })).toHaveCount(0)

  // The building page: its lots, owners and expenses.
  await page.goto(`/buildings/${B.id}`)
  await expect(page.getByRole('heading', { level: 1, name: B.name })).toBeVisible()
  await expect(page.getByTestId('building-expenses')).toContainText(`Assurance B ${tag}`)
  await expect(page.getByTestId('building-lots')).toContainText(`Janssens${tag}`)
  await expect(page.getByTestId('building-documents')).toContainText(`Contrat B ${tag}`)
  // Calls, bank and reminders: read, without the syndic's forms (issue, payment, import, run).
  await expect(page.getByTestId('building-calls')).toContainText(`Toiture ${tag}`)
  await expect(page.getByTestId('bank-account-form')).toHaveCount(0)
  // The call's lines, without the owners' letters (addressed to one owner: private).
  // (Closing 2025 also issued the year-end regularisation call: open the roof call's row.)
  await page
    .getByTestId('building-calls')
    .getByRole('row', { name: new RegExp(`Toiture ${tag}`) })
    .getByRole('button', { name: 'Show the lines' })
    .click()
  await expect(page.getByTestId('call-line')).toContainText(`Janssens${tag}`)
  await expect(page.getByTestId('call-line')).not.toContainText(/Letter/)
  await expect(page.getByTestId('building-bank')).toBeVisible()
  await expect(page.getByTestId('bank-file')).toHaveCount(0)
  await expect(page.getByTestId('building-reminders')).toBeVisible()
  // No way to submit anything (the assembly settings show as a disabled fieldset, no save button).
  await expect(page.getByTestId('building-page').locator('button[type="submit"]')).toHaveCount(0)

  // The expenses list: B's invoice, not C's, and no action on a row.
  await page.goto('/expenses')
  await expect(main.getByText(`Assurance B ${tag}`).first()).toBeVisible()
  await expect(main.getByText(`Assurance C ${tag}`)).toHaveCount(0)
  await expect(main.getByRole('button', { name: 'New' })).toHaveCount(0)
  await expect(main.getByRole('button', { name: /^(Edit|Delete|Approve|Cancel)/ })).toHaveCount(0)

  // Documents: B's, not C's, and no upload form.
  await page.goto('/documents')
  await expect(page.getByTestId('documents')).toContainText(`Contrat B ${tag}`)
  await expect(page.getByTestId('documents')).not.toContainText(`Contrat C ${tag}`)
  await expect(page.locator('input[type="file"]')).toHaveCount(0)

  // Books and year-end: the building picker lists exactly B; the closed year reads, no close button.
  await page.goto('/books')
  const books = page.getByTestId('books')
  const picker = books.getByLabel('Building')
  await expect(picker.locator('option')).toHaveCount(1)
  await expect(picker.locator('option')).toHaveText(new RegExp(`^Audited ${tag}`))
  await books.getByLabel('Fiscal year').fill('2025')
  await books.getByLabel('Fiscal year').dispatchEvent('change')
  await expect(page.getByTestId('trial-balance')).toBeVisible()
  const yearEnd = page.getByTestId('year-end')
  await expect(yearEnd.getByTestId('year-closed')).toBeVisible()
  await expect(yearEnd.getByTestId('close-year')).toHaveCount(0)

  // A page outside the auditor's reach sends them back to their landing page.
  await page.goto('/owners')
  await expect(page).toHaveURL(/\/buildings$/)
})

test('auditor: the badge and the navigation in each language', async ({ page, world }) => {
  const B = await world.building(`Audited nav ${Date.now().toString(36)}`)
  const auditor = await world.user('auditor')
  await world.syndicApi.post(`/buildings/${B.id}/auditors`, { user_id: auditor.id })
  await uiLogin(page, auditor, '/buildings')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  for (const [lang, badge] of [
    ['fr', 'Vérificateur – lecture seule'],
    ['nl', 'Verificateur – alleen lezen'],
    ['de', 'Rechnungsprüfer – nur lesen'],
    ['en', 'Auditor – read only'],
  ] as const) {
    await page.locator('#lang-header').selectOption(lang)
    await expect(page.getByTestId('read-only-badge')).toHaveText(badge)
  }
  // Only what the auditor can read: no owners, units, suppliers or meetings.
  await expect(nav.getByRole('link')).toHaveText(['Buildings', 'Expenses', 'Documents', 'Books', 'Profile'])
})

test('auditor: the syndic invites, grants and withdraws the auditor from the building page', async ({
  page,
  browser,
  world,
}) => {
  const tag = Date.now().toString(36)
  const B = await world.building(`Granted ${tag}`)
  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${B.id}`)
  const section = page.getByTestId('building-auditors')
  // No auditor account in the organization yet: the section says to invite one.
  await expect(section.getByTestId('auditors-no-account')).toBeVisible()
  await expect(section).toContainText('No auditor has access to this building.')

  // The syndic invites the auditor from the page: no password chosen by the syndic, the API mails
  // the auditor a link to choose his own. A missing field or a taken e-mail shows at the field.
  const invite = section.getByTestId('invite-auditor')
  await invite.getByRole('button', { name: 'Invite' }).click()
  await expect(invite.locator('#invite-auditor-email-error')).toHaveText('Required')
  await invite.locator('#invite-auditor-first_name').fill('Anke')
  await invite.locator('#invite-auditor-last_name').fill(`Peeters${tag}`)
  await invite.locator('#invite-auditor-email').fill(world.syndic.email)
  // In French the API's refusal reads in French, next to the e-mail.
  await page.locator('#lang-header').selectOption('fr')
  await invite.getByRole('button', { name: 'Inviter' }).click()
  await expect(invite.locator('#invite-auditor-email-error')).toHaveText(
    'Cette adresse e-mail est déjà utilisée',
  )
  await page.locator('#lang-header').selectOption('en')
  const email = `auditor-${tag}@e2e.test`
  await invite.locator('#invite-auditor-email').fill(email)
  await invite.locator('#invite-auditor-locale').selectOption('nl')
  await invite.getByRole('button', { name: 'Invite' }).click()
  await expect(section).toContainText(`Anke Peeters${tag} is invited`)
  await expect(section.getByTestId('auditors-no-account')).toHaveCount(0)
  // Offered, and already chosen, in the grant select.
  const select = section.getByRole('combobox', { name: 'Auditor' })
  await expect(select.locator('option:checked')).toHaveText(`Anke Peeters${tag} — ${email}`)
  await section.getByRole('button', { name: 'Grant access' }).click()
  await expect(section).toContainText(`Anke Peeters${tag} can now read this building.`)
  await expect(section.getByTestId('auditor-grant')).toContainText(email)

  // The auditor chooses his password from the invitation e-mail and lands on that building.
  const link = await capturedLink(world.admin, email, 'set-password')
  const other = await browser.newContext()
  const auditorPage = await other.newPage()
  await auditorPage.goto(link)
  await auditorPage.locator('#set-password').fill('Anke-Audit-2026!')
  await auditorPage.locator('#set-confirm').fill('Anke-Audit-2026!')
  await auditorPage.locator('form button[type="submit"]').click()
  await expect(auditorPage).toHaveURL(/\/buildings$/)
  // … and reads its page.
  await expect(auditorPage.locator('main').getByText(B.name)).toBeVisible()
  await auditorPage.goto(`/buildings/${B.id}`)
  await expect(auditorPage.getByRole('heading', { level: 1, name: B.name })).toBeVisible()
  // The auditor does not see the grants section.
  await expect(auditorPage.getByTestId('building-auditors')).toHaveCount(0)

  // The syndic withdraws (asked first); the auditor's next request no longer reaches B.
  await section.getByRole('button', { name: 'Withdraw' }).click()
  await section.getByRole('button', { name: 'Confirm' }).click()
  await expect(section).toContainText('Access withdrawn')
  await expect(section.getByTestId('auditor-grant')).toHaveCount(0)
  await auditorPage.goto('/buildings')
  await expect(auditorPage.locator('main').getByText(B.name)).toHaveCount(0)
  await auditorPage.goto(`/buildings/${B.id}`)
  await expect(auditorPage.getByRole('heading', { level: 1, name: B.name })).toHaveCount(0)
  await other.close()
})
