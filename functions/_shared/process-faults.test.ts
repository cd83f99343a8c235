import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './db/unavailable.ts'
import { createLogger } from './logger.ts'
import { processFaultHandler } from './process-faults.ts'

/** A driver error as pg shapes it: an Error with a SQLSTATE `code`. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code })

describe('errors that escape every request (functions/node.ts)', () => {
  const run = (error: unknown) => {
    const lines: Record<string, unknown>[] = []
    const exits: number[] = []
    const handle = processFaultHandler(
      createLogger('debug', (l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
      (code) => exits.push(code),
    )
    handle('uncaughtException', error)
    return { lines, exits }
  }

  it('a lost database connection is logged as a warning and the process keeps serving', () => {
    const { lines, exits } = run(pgError('57P01', 'terminating connection due to administrator command'))
    expect(exits).toEqual([])
    expect(lines).toMatchObject([
      { level: 'warn', fault: 'uncaughtException', error: expect.stringContaining('57P01') },
    ])
  })

  it('anything else is a bug: logged with its stack through the logger, then exit 1 (never masked)', () => {
    const { lines, exits } = run(new TypeError('cannot read properties of undefined'))
    expect(exits).toEqual([1])
    expect(lines).toMatchObject([
      { level: 'error', error: expect.stringContaining('TypeError: cannot read') },
    ])
    // A SQL error that is not about the connection is a bug too (here: a missing table).
    expect(run(pgError('42P01', 'relation "nope" does not exist')).exits).toEqual([1])
    expect(run('a rejected string').exits).toEqual([1])
  })
})

describe('which errors mean "the database is unavailable"', () => {
  it.each([
    ['admin shutdown 57P01', pgError('57P01', 'terminating connection due to administrator command')],
    [
      'crash shutdown 57P02',
      pgError('57P02', 'terminating connection due to crash of another server process'),
    ],
    ['cannot connect now 57P03', pgError('57P03', 'the database system is shutting down')],
    ['connection failure 08006', pgError('08006', 'connection failure')],
    ['refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['reset', pgError('ECONNRESET', 'read ECONNRESET')],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool wait', new Error('timeout exceeded when trying to connect')],
    ['broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['wrapped by Drizzle', new Error('Failed query: select 1', { cause: pgError('57P01', 'terminating') })],
    ['several addresses', new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')])],
  ])('%s → yes', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(true))

  it.each([
    ['unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['serialization failure', pgError('40001', 'could not serialize access')],
    ['statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a bug', new TypeError('x is undefined')],
    [
      'wrapped bug',
      new Error('Failed query: select 1', { cause: pgError('42703', 'column does not exist') }),
    ],
    ['not an error', 'ECONNREFUSED'],
  ])('%s → no', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(false))
})
