// Issue #19 (ADR 0052): the entry builds a signed-in page's first formatters before the first
// paint; the page's own dates and amounts then build none (ICU's locale data is already loaded).
import { describe, expect, it, vi } from 'vitest'
import { date, dateTime, money, warmFormatters } from './index'

describe('warmFormatters', () => {
  it("leaves the page's dates, times and amounts nothing to construct", () => {
    warmFormatters()
    const numbers = vi.spyOn(Intl, 'NumberFormat')
    const dates = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      expect(date('2026-03-02')).not.toBe('')
      expect(dateTime('2026-03-02T10:00:00Z')).not.toBe('')
      expect(money(4200)).not.toBe('')
      expect(numbers).not.toHaveBeenCalled()
      expect(dates).not.toHaveBeenCalled()
    } finally {
      numbers.mockRestore()
      dates.mockRestore()
    }
  })
})
