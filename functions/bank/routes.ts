import { createRoute } from '@hono/zod-openapi'
import { getBankMovement, getBankStatement, matchBankMovement, unmatchBankMovement } from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import {
  BankMovementSchema,
  MatchBody,
  MovementDetailSchema,
  StatementDetailSchema,
  toMovementDto,
  toStatementDto,
  toSuggestionDto,
} from './schema.ts'

/** /api/v1/bank-statements/{id}: one imported statement with its movements and their match status (ADR 0038). */
export const bankStatementsApp = createResourceApp()
bankStatementsApp.use('*', requireAuth)

bankStatementsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Bank'],
    summary: 'A bank statement with its movements and how each is matched',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(StatementDetailSchema, 'The statement'), 403: errors[403], 404: errors[404] },
  }),
  async (c) => {
    const result = await getBankStatement({ ctx: actorContext(c), input: { id: c.req.valid('param').id } })
    return respond(c, result, (r) =>
      c.json({ ...toStatementDto(r.statement), movements: r.movements.map(toMovementDto) }, 200),
    )
  },
)

/** /api/v1/bank-movements/{id}: a movement, its suggestions, a manual match and an unmatch (ADR 0038). */
export const bankMovementsApp = createResourceApp()
bankMovementsApp.use('*', requireAuth)

bankMovementsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Bank'],
    summary:
      'A bank movement with match suggestions (candidate owners and lines, or expenses, with the reason)',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(MovementDetailSchema, 'The movement'), 403: errors[403], 404: errors[404] },
  }),
  async (c) => {
    const result = await getBankMovement({ ctx: actorContext(c), input: { id: c.req.valid('param').id } })
    return respond(c, result, (r) =>
      c.json({ ...toMovementDto(r.movement), suggestions: r.suggestions.map(toSuggestionDto) }, 200),
    )
  },
)

bankMovementsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/match',
    tags: ['Bank'],
    summary:
      "Match a movement by hand: an incoming one as an owner's payment (lines first, then the oldest due, the rest a credit), an outgoing one to an approved expense (paid)",
    security: bearer,
    request: { params: IdParam, ...jsonBody(MatchBody) },
    responses: {
      200: json(BankMovementSchema, 'Matched'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await matchBankMovement({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        ownerId: b.owner_id,
        lineIds: b.line_ids,
        expenseId: b.expense_id,
      },
    })
    return respond(c, result, (m) => c.json(toMovementDto(m), 200))
  },
)

bankMovementsApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/match',
    tags: ['Bank'],
    summary: "Unmatch a movement: the owner's payment is reversed (reversing entry, allocations removed)",
    security: bearer,
    request: { params: IdParam },
    responses: {
      200: json(BankMovementSchema, 'Unmatched'),
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const result = await unmatchBankMovement({ ctx: actorContext(c), input: { id: c.req.valid('param').id } })
    return respond(c, result, (m) => c.json(toMovementDto(m), 200))
  },
)
