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
  const { scroll, width, culprit } = await page.evaluate(() => {
    const w = window.innerWidth
    // The first element whose right edge passes the viewport and that no ancestor scrolls or clips
    // sideways (a wide table inside its .table-wrap is fine), to say what overflows.
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true
      }
      return false
    }
    const wide = [...document.body.querySelectorAll('*')].find(
      (el) => el.getBoundingClientRect().right > w + 0.5 && !clipped(el),
    )
    const name = wide
      ? `${wide.tagName.toLowerCase()}${wide.id ? `#${wide.id}` : ''}.${[...wide.classList].join('.')}`
      : ''
    return { scroll: document.documentElement.scrollWidth, width: w, culprit: name }
  })
  expect(
    scroll,
    `${page.url()} is ${scroll}px wide in a ${width}px viewport (${culprit})`,
  ).toBeLessThanOrEqual(width)
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
