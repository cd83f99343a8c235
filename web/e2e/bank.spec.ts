import { writeCoda } from '../../domain/src/bank/testing/coda-writer'
import { expectNoHorizontalScroll, expectNoSeriousAxe, PHONE } from './axe-scan'
import { expect, test, uiLogin } from './fixtures'

// Issue #16 items 1-3 from the building page: the syndic uploads a small CODA file (built here
// with the test-only writer), sees the transfer carrying a line's structured communication
// matched at once, and matches the unknown one by hand to an owner. What the CODA information
// records (3.1-3.3) and the free communication (record 4) say is shown with each movement and
// under the statement, wrapping on a phone. The arithmetic and the books are proven in
// functions/bank/bank.test.ts.

test('a CODA file imported on the building page: one movement matched by its communication, one matched by hand', async ({
  page,
  world,
}) => {
  const api = world.syndicApi
  const b = await world.building()
  const a = await world.unit(b.id, 'A', 500)
  const bb = await world.unit(b.id, 'B', 500)
  const janssens = await world.owner('Janssens')
  const peeters = await world.owner('Peeters')
  await world.ownership(a.id, janssens.id)
  await world.ownership(bb.id, peeters.id)
  await api.put(`/buildings/${b.id}/bank-accounts/working_capital`, {
    iban: 'BE68 5390 0754 7034',
    holder_name: 'ACP Résidence',
  })
  const call = await api.post<{ lines: { owner_id: string; communication_digits: string }[] }>(
    `/buildings/${b.id}/calls`,
    {
      kind: 'extraordinary',
      label: 'Toiture',
      due_date: '2027-01-15',
      amount_cents: 100_000,
      resolution_ref: 'AG 2026-11-20 point 4',
      account: 'working_capital',
    },
  )
  const line = call.lines.find((l) => l.owner_id === janssens.id)
  // A long information text with an unbroken reference: it must wrap inside a 390 px phone.
  const information =
    'Virement SEPA instantane recu via application mobile, reference donneur d ordre SEPAINSTREF0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  // Type 001 across 3.1-3.3: name (70), street (35), locality (35), identification (35).
  const party = [
    'Marc Dubois'.padEnd(70),
    'Rue Haute 12'.padEnd(35),
    '1000 Bruxelles'.padEnd(35),
    ''.padEnd(35),
  ].join('')
  const coda = writeCoda([
    {
      iban: 'BE68539007547034',
      statementNumber: 1,
      oldBalanceCents: 0,
      newBalanceCents: 50_000 + 12_345,
      oldBalanceDate: '2027-01-10',
      newBalanceDate: '2027-01-11',
      movements: [
        {
          sequence: 1,
          amountCents: 50_000,
          valueDate: '2027-01-11',
          bookingDate: '2027-01-11',
          bankReference: 'E2E-1',
          counterpartyName: 'A. Janssens',
          counterpartyIban: 'BE62510007547061',
          structuredCommunication: line?.communication_digits ?? null,
          information,
        },
        {
          sequence: 2,
          amountCents: 12_345,
          valueDate: '2027-01-11',
          bookingDate: '2027-01-11',
          bankReference: 'E2E-2',
          freeText: 'toiture lot B',
          informationType: '001',
          information: party,
        },
      ],
      freeCommunication: 'Extrait 1 - frais offerts - ref ACPRESIDENCEFRAISTENUEDECOMPTE2027T1REF012345678',
    },
  ])

  await uiLogin(page, world.syndic, '/syndic')
  await page.goto(`/buildings/${b.id}`)
  const bank = page.getByTestId('building-bank')
  await bank.getByTestId('bank-file').setInputFiles({
    name: 'statement.cod',
    mimeType: 'text/plain',
    buffer: Buffer.from(coda, 'latin1'),
  })
  await bank.getByTestId('bank-import').click()
  await expect(bank.getByRole('status')).toContainText('1 matched, 1 to match by hand')
  await expect(bank.getByTestId('bank-statements').locator('li')).toHaveCount(1)
  await expect(bank.getByTestId('bank-free-communication')).toHaveText(
    'Bank’s message: Extrait 1 - frais offerts - ref ACPRESIDENCEFRAISTENUEDECOMPTE2027T1REF012345678',
  )
  const janssensRow = bank.getByTestId('bank-matched-movement').filter({ hasText: '€500.00' })
  await expect(janssensRow.getByTestId('bank-movement-facts')).toContainText(`Bank information${information}`)
  await expect(bank.getByTestId('bank-matched')).toContainText('€500.00')
  await expect(bank.getByTestId('bank-matched')).toContainText('communication')

  // The unknown transfer: no suggestion by amount (no line owes €123.45), matched by hand.
  const movement = bank.getByTestId('bank-movement')
  await expect(movement).toHaveCount(1)
  await expect(movement).toContainText('€123.45')
  await expect(movement.getByTestId('bank-movement-facts')).toContainText(
    'CounterpartyMarc Dubois, Rue Haute 12, 1000 Bruxelles',
  )
  await movement.getByLabel('Owner').selectOption({ label: 'Anne Peeters' })
  await movement.getByTestId('bank-match-owner').click()
  await expect(bank.getByText('Every movement is matched.')).toBeVisible()
  await expect(bank.getByTestId('bank-matched')).toContainText('by hand')
  const duboisRow = bank.getByTestId('bank-matched-movement').filter({ hasText: '€123.45' })
  await expect(duboisRow.getByTestId('bank-movement-facts')).toContainText(
    'Marc Dubois, Rue Haute 12, 1000 Bruxelles',
  )
  await expectNoHorizontalScroll(page)
  // On a phone the long information text wraps: nothing scrolls sideways.
  await page.setViewportSize(PHONE)
  await expect(janssensRow.getByTestId('bank-movement-facts')).toBeVisible()
  await expectNoHorizontalScroll(page)
  await expectNoSeriousAxe(page)
})
