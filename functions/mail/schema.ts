import { z } from '@hono/zod-openapi'
import { IdParam, pageQuery } from '../_shared/http.ts'
import type { CapturedMail, CapturedMailWithFiles } from './captured-mail.reader.ts'

export const CapturedMailSummarySchema = z
  .object({
    id: z.string(),
    job_id: z.string(),
    to: z.string(),
    locale: z.string(),
    subject: z.string(),
    created_at: z.string(),
  })
  .openapi('CapturedMailSummary')

export const CapturedMailSchema = CapturedMailSummarySchema.extend({
  message_id: z.string(),
  from: z.string(),
  text: z.string(),
  html: z.string(),
  attachments: z.array(
    z.object({
      index: z.number().int().openapi({ description: 'GET /mail/captured/{id}/attachments/{index}' }),
      filename: z.string(),
      content_type: z.string(),
    }),
  ),
}).openapi('CapturedMail')

export const AttachmentParams = IdParam.extend({
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(2_147_483_647) // int32: no limit of its own (a missing index is a 404)
    .openapi({ param: { name: 'index', in: 'path' } }),
})

/** Captured mail is listed by time only. */
export const CAPTURED_MAIL_SORT_FIELDS = ['created_at'] as const

export const CapturedMailQuery = pageQuery(CAPTURED_MAIL_SORT_FIELDS, 'created_at').extend({
  order: z.enum(['asc', 'desc']).default('desc'),
})

export const toSummaryDto = (m: CapturedMail): z.infer<typeof CapturedMailSummarySchema> => ({
  id: m.id,
  job_id: m.jobId,
  to: m.toAddress,
  locale: m.locale,
  subject: m.subject,
  created_at: m.createdAt.toISOString(),
})

export const toCapturedMailDto = (m: CapturedMailWithFiles): z.infer<typeof CapturedMailSchema> => ({
  ...toSummaryDto(m),
  message_id: m.messageId,
  from: m.fromAddress,
  text: m.textBody,
  html: m.htmlBody,
  attachments: m.attachments.map((a, index) => ({
    index,
    filename: a.filename,
    content_type: a.contentType,
  })),
})
