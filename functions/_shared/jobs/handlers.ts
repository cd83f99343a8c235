import {
  CONVOCATION_MAIL_JOB,
  DELETE_ORPHAN_FILE,
  FILE_ANNUAL_ACCOUNTS,
  MAIL_CALL_LETTER,
  MAIL_REMINDERS,
  MAIL_STATEMENTS,
  MINUTES_MAIL_JOB,
  PASSWORD_CHANGED_JOB,
  PASSWORD_LINK_JOB,
  POSTAL_CONVOCATION_JOB,
  RENDER_CALL_LETTERS,
  RENDER_EXPENSE_DISTRIBUTION,
  RENDER_REMINDER_LETTERS,
  RENDER_STATEMENTS,
  RUN_REMINDERS_JOB,
} from '@koprogo/domain'
import { mailReminders, renderReminderLetters } from '../../arrears/reminder-letters.job.ts'
import { runRemindersJob } from '../../arrears/run-reminders.job.ts'
import { passwordChangedJob } from '../../auth/password-changed.job.ts'
import { passwordLinkJob } from '../../auth/password-link.job.ts'
import { mailCallLetter, renderCallLetters } from '../../calls/call-letters.job.ts'
import { fileAnnualAccountsJob } from '../../closing/accounts.job.ts'
import { mailStatements, renderStatements } from '../../closing/statements.job.ts'
import { deleteOrphanFile } from '../../documents/delete-orphan-file.job.ts'
import { renderExpenseDistribution } from '../../expenses/distribution-documents.job.ts'
import { convocationMailJob } from '../../meetings/convocation-mail.job.ts'
import { convocationPostalJob } from '../../meetings/convocation-postal.job.ts'
import { minutesMailJob } from '../../meetings/minutes-mail.job.ts'
import type { JobHandler } from './job-handler.ts'

/**
 * Every job kind the runner knows, by the `kind` written into the outbox. One line per kind; the
 * handler lives beside the feature that enqueues it. A runner claims only the kinds listed here: a
 * row of an unknown kind stays pending (visible on the superadmin's Jobs page) for a runner that
 * knows it (a rolling upgrade), ADR 0019.
 */
export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  [PASSWORD_LINK_JOB]: passwordLinkJob,
  [PASSWORD_CHANGED_JOB]: passwordChangedJob,
  [RENDER_EXPENSE_DISTRIBUTION]: renderExpenseDistribution,
  [DELETE_ORPHAN_FILE]: deleteOrphanFile,
  [CONVOCATION_MAIL_JOB]: convocationMailJob,
  [POSTAL_CONVOCATION_JOB]: convocationPostalJob,
  [MINUTES_MAIL_JOB]: minutesMailJob,
  [RENDER_CALL_LETTERS]: renderCallLetters,
  [MAIL_CALL_LETTER]: mailCallLetter,
  [RENDER_STATEMENTS]: renderStatements,
  [MAIL_STATEMENTS]: mailStatements,
  [FILE_ANNUAL_ACCOUNTS]: fileAnnualAccountsJob,
  [RENDER_REMINDER_LETTERS]: renderReminderLetters,
  [MAIL_REMINDERS]: mailReminders,
  [RUN_REMINDERS_JOB]: runRemindersJob,
}
