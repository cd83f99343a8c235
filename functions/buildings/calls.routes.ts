import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  BANK_ACCOUNT_PURPOSES,
  issueCall,
  listBankAccounts,
  listCalls,
  recordPayment,
  setBankAccount,
} from '@koprogo/domain'
import { bearer, errors, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  BankAccountBody,
  BankAccountSchema,
  CallSchema,
  CallWithLinesSchema,
  IssueCallBody,
  PaymentBody,
  PaymentSchema,
  toBankAccountDto,
  toCallDto,
  toLineDto,
  toPaymentDto,
} from '../calls/schema.ts'

const PurposeParams = IdParam.extend({
  purpose: z.enum(BANK_ACCOUNT_PURPOSES).openapi({ param: { name: 'purpose', in: 'path' } }),
})

/**
 * The money-in routes of a building (ADR 0032): its bank accounts, its calls for funds and the
 * owners' payments recorded by hand. Another tenant's building is a 404; owners are refused (403).
 */
export function mountBuildingCalls(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/bank-accounts',
      tags: ['Calls for funds'],
      summary: "The building's working-capital and reserve bank accounts",
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(BankAccountSchema) }), 'Accounts'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listBankAccounts({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (a) => c.json({ data: a.map(toBankAccountDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/bank-accounts/{purpose}',
      tags: ['Calls for funds'],
      summary: 'Set the building account of a purpose (IBAN validated, ISO 13616)',
      security: bearer,
      request: { params: PurposeParams, ...jsonBody(BankAccountBody) },
      responses: {
        200: json(BankAccountSchema, 'Saved'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, purpose } = c.req.valid('param')
      const b = c.req.valid('json')
      const result = await setBankAccount({
        ctx: actorContext(c),
        input: { buildingId: id, purpose, iban: b.iban, bic: b.bic, holderName: b.holder_name },
      })
      return respond(c, result, (a) => c.json(toBankAccountDto(a), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/calls',
      tags: ['Calls for funds'],
      summary: "The building's calls for funds, by number",
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(CallSchema) }), 'Calls'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listCalls({ ctx: actorContext(c), input: { buildingId: c.req.valid('param').id } })
      return respond(c, result, (calls) => c.json({ data: calls.map(toCallDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/calls',
      tags: ['Calls for funds'],
      summary:
        'Issue a call for funds: one line per owner per lot with its structured communication; letters rendered and e-mailed by a job',
      security: bearer,
      request: { params: IdParam, ...jsonBody(IssueCallBody) },
      responses: {
        201: json(CallWithLinesSchema.extend({ job_id: z.uuid() }), 'Issued'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await issueCall({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').id,
          kind: b.kind,
          label: b.label,
          dueDate: b.due_date,
          issueDate: b.issue_date,
          amountCents: b.amount_cents,
          period: b.period,
          fiscalYear: b.fiscal_year,
          resolutionRef: b.resolution_ref,
          account: b.account,
        },
      })
      return respond(c, result, (r) =>
        c.json({ ...toCallDto(r.call), lines: r.lines.map((l) => toLineDto(l)), job_id: r.jobId }, 201),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/payments',
      tags: ['Calls for funds'],
      summary:
        "Record an owner's payment: allocated to the line its communication names, then the oldest due; the rest is a credit",
      security: bearer,
      request: { params: IdParam, ...jsonBody(PaymentBody) },
      responses: {
        201: json(PaymentSchema, 'Recorded'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await recordPayment({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').id,
          ownerId: b.owner_id,
          amountCents: b.amount_cents,
          paymentDate: b.payment_date,
          communication: b.communication,
          payer: b.payer,
          account: b.account,
        },
      })
      return respond(c, result, (r) => c.json(toPaymentDto(r.payment, r.allocations, r.transfer), 201))
    },
  )
}
