import { cruise, type IViolation } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'
import config from '../.dependency-cruiser.mjs'

/*
 * The dependency check of `make test` (ADR 0021) must be able to fail: run the same rules over a
 * small fixture holding one violation of each kind, and over the real domain, which has none.
 */
const domainDir = new URL('..', import.meta.url).pathname
const fixtureDir = new URL('../test/dependency-rules-fixture', import.meta.url).pathname

async function violations(baseDir: string): Promise<readonly IViolation[]> {
  const result = await cruise(['src'], { ...config.options, ruleSet: config, validate: true, baseDir })
  if (typeof result.output === 'string') throw new Error('expected a cruise result, got text')
  return result.output.summary.violations
}

const described = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`

// Cruising the whole domain is a second or two of CPU on a quiet machine, several under load:
// not a timing test, so it gets room.
describe('domain dependency rules', { timeout: 60_000 }, () => {
  it('flag a deep cross-context import, a kernel depending on a context, frameworks, node:* and value cycles', async () => {
    const found = (await violations(fixtureDir)).map(described)
    expect(found).toContain(
      'cross-context-deep-import: src/finance/deep-import.ts → src/property/property.ports.ts',
    )
    expect(found).toContain(
      'shared-kernel-depends-on-no-context: src/shared/kernel.ts → src/property/index.ts',
    )
    expect(
      found.some((v) => v.startsWith('no-node-builtins-in-domain: src/property/node-builtin.ts → ')),
    ).toBe(true)
    expect(
      found.some((v) =>
        /^no-(unresolvable-)?framework-in-domain: src\/property\/framework\.ts → .*hono/.test(v),
      ),
    ).toBe(true)
    expect(found.some((v) => v.startsWith('no-circular: src/governance/cycle-'))).toBe(true)
    // What the rules allow: another context through its index.ts, and a cycle of type imports only.
    expect(found.filter((v) => v.includes('through-index') || v.includes('type-cycle'))).toEqual([])
  })

  it('find no violation in the domain itself', async () => {
    expect((await violations(domainDir)).map(described)).toEqual([])
  })
})
