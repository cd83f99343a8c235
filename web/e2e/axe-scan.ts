// Axe scan shared by the detail-page, phone and owner-portal specs: WCAG 2.x A/AA, failing on
// serious or critical findings (as a11y.spec.ts does for the other pages).
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export async function expectNoSeriousAxe(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

export const PHONE = { width: 390, height: 844 }

/** The page never scrolls sideways: nothing is wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }))
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width)
}

/** The element is entirely inside the viewport horizontally (not cut off, not scrolled away). */
export async function expectWithinViewportWidth(page: Page, locator: import('@playwright/test').Locator) {
  await expect(locator).toBeVisible()
  const box = await locator.boundingBox()
  const width = page.viewportSize()?.width ?? 0
  expect(box, 'element has a box').not.toBeNull()
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0)
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width)
}
