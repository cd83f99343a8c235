import { z } from '@hono/zod-openapi'
import { pageQuery } from '../_shared/http.ts'
import type { CapturedMail } from './captured-mail.reader.ts'

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
}).openapi('CapturedMail')

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

export const toCapturedMailDto = (m: CapturedMail): z.infer<typeof CapturedMailSchema> => ({
  ...toSummaryDto(m),
  message_id: m.messageId,
  from: m.fromAddress,
  text: m.textBody,
  html: m.htmlBody,
})
