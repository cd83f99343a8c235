import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './_shared/runtime.ts'
import { adminApp } from './admin/routes.ts'
import { authApp } from './auth/routes.ts'
import { bankMovementsApp, bankStatementsApp } from './bank/routes.ts'
import { buildingsApp } from './buildings/routes.ts'
import { callsApp } from './calls/routes.ts'
import { documentsApp } from './documents/routes.ts'
import { expensesApp } from './expenses/routes.ts'
import { healthApp } from './health/routes.ts'
import { mailApp } from './mail/routes.ts'
import { meetingsApp } from './meetings/routes.ts'
import { organizationsApp } from './organizations/routes.ts'
import { ownersApp } from './owners/routes.ts'
import { pcnApp } from './pcn/routes.ts'
import { seedApp } from './seed/routes.ts'
import { statsApp } from './stats/routes.ts'
import { suppliersApp } from './suppliers/routes.ts'
import { unitsApp } from './units/routes.ts'
import { usersApp } from './users/routes.ts'

/**
 * The route table: each resource's app and the path it is mounted on under /api/v1. The gateway,
 * the per-resource Workers and the generated tests (tenant matrix, fuzzing) all read this list.
 */
export const RESOURCES: ReadonlyArray<readonly [name: string, app: OpenAPIHono<AppEnv>]> = [
  ['health', healthApp],
  ['auth', authApp],
  ['organizations', organizationsApp],
  ['users', usersApp],
  ['buildings', buildingsApp],
  ['units', unitsApp],
  ['owners', ownersApp],
  ['expenses', expensesApp],
  ['calls', callsApp],
  ['bank-statements', bankStatementsApp],
  ['bank-movements', bankMovementsApp],
  ['suppliers', suppliersApp],
  ['meetings', meetingsApp],
  ['documents', documentsApp],
  ['stats', statsApp],
  ['pcn', pcnApp],
  ['mail', mailApp],
  ['seed', seedApp],
  ['admin', adminApp],
]
