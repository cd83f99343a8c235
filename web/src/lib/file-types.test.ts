import { describe, expect, it } from 'vitest'
import { FILE_KINDS } from '../../../domain/src/documents/file-kind.value-object'
import { ACCEPTED_FILE_KINDS, isAcceptedFileName } from './file-types'

describe('accepted file types', () => {
  it('are exactly the kinds the API accepts', () => {
    const domain = Object.fromEntries(Object.entries(FILE_KINDS).map(([k, v]) => [k, [...v.extensions]]))
    expect(ACCEPTED_FILE_KINDS).toEqual(domain)
  })

  it('checks a file name by its extension, case-insensitively', () => {
    expect(isAcceptedFileName('Minutes.PDF')).toBe(true)
    expect(isAcceptedFileName('setup.exe')).toBe(false)
    expect(isAcceptedFileName('pdf')).toBe(false)
  })
})
