import { callLineCommunication, epcQrPayload, parseAccountIban, parseEpcQrPayload } from '@koprogo/domain'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'

// jsqr is CommonJS: its default export is the function at run time, which its typings hide.
const jsQR = jsQRModule as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null

/**
 * The EPC payload survives the QR code: encoded by `qrcode` at error correction M (as the letter
 * and the owner portal do) and read back by an independent decoder (`jsqr`), its fields are the
 * transfer's: IBAN, amount and the structured communication as the creditor reference.
 */
describe('EPC QR code round trip (qrcode → jsqr)', () => {
  it('decodes to the same IBAN, amount and reference', async () => {
    const iban = parseAccountIban('BE68 5390 0754 7034')
    if (!iban.ok) throw new Error('iban')
    const reference = callLineCommunication(12, 345)
    const payload = epcQrPayload({
      bic: 'GKCCBEBB',
      beneficiaryName: 'ACP Résidence Les Tilleuls',
      iban: iban.value,
      amountCents: 33_401,
      reference,
    })
    const png = PNG.sync.read(
      await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 4, width: 300 }),
    )
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(decoded?.data).toBe(payload)
    const epc = parseEpcQrPayload(decoded?.data ?? '')
    expect(epc).toMatchObject({ version: '002', bic: 'GKCCBEBB', iban: 'BE68539007547034', reference })
    expect(epc.amountCents).toBe(33_401)
    expect(epc.name).toBe('ACP Résidence Les Tilleuls')
  })
})
