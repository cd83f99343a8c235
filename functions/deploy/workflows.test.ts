import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(import.meta.dirname, '..', '..', '.github', 'workflows')

describe('GitHub workflows', () => {
  it('pin every action to a full commit SHA with its version in a comment', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
      const uses = [...readFileSync(join(dir, file), 'utf8').matchAll(/uses:\s*(\S+)(.*)$/gm)]
      expect(uses.length, file).toBeGreaterThan(0)
      for (const [, ref, rest] of uses) {
        expect(ref, `${file}: ${ref}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/)
        expect(rest, `${file}: ${ref}`).toMatch(/# v\d+\.\d+\.\d+/)
      }
    }
  })
})
