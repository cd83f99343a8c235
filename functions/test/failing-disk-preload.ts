/**
 * `node --import` this into a server process to give it a failing disk (failing-disk.ts): writes
 * to files under FAILING_DISK_UNDER fail with FAILING_DISK_CODE while FAILING_DISK_TRIGGER exists.
 * Test-only: the production entry never loads it.
 */
import { existsSync } from 'node:fs'
import { failWritesUnder } from './failing-disk.ts'

const under = process.env.FAILING_DISK_UNDER
const trigger = process.env.FAILING_DISK_TRIGGER
const code = process.env.FAILING_DISK_CODE === 'EIO' ? 'EIO' : 'ENOSPC'
if (under && trigger)
  failWritesUnder(
    () => [under],
    code,
    () => existsSync(trigger),
  )
