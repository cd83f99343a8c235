import { scopeForRow } from '../../access/index.ts'
import type { ActorContext, UseCaseCall } from '../../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../../documents/index.ts'
import { can } from '../../identity/index.ts'
import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import { parseEnterpriseNumber } from '../../shared/enterprise-number.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { insertExpense, validateNewExpense } from '../create-expense.use-case.ts'
import type { Expense, ExpenseCategory, ValidExpenseFields } from '../expense.entity.ts'
import type { FinanceRepos } from '../finance.ports.ts'
import { type Supplier, validateSupplier } from '../suppliers/index.ts'
import { checkEInvoice, type EInvoice, expenseDraftsOf } from './einvoice.ts'
import { type EInvoiceImportRecord, eInvoiceIdentity } from './einvoice-identity.ts'

export type EInvoiceImportRepos = FinanceRepos & { readonly documents: GeneratedDocumentsPorts }

export type EInvoiceImport = {
  readonly invoice: EInvoice
  /** One DRAFT expense per VAT rate: nothing is posted until the syndic approves them. */
  readonly expenses: readonly Expense[]
  /** The invoice's own PDF, stored as a document linked to the first expense. */
  readonly document: Document | null
  /** The supplier record the drafts name: found by enterprise / VAT number, or created. */
  readonly supplier: { readonly record: Supplier; readonly created: boolean } | null
}

/**
 * POST /buildings/{id}/expenses/import: a checked UBL / Peppol BIS 3.0 invoice or credit note
 * becomes draft expenses of the building (supplier, enterprise number, IBAN, invoice number, date,
 * VAT per rate), with its embedded PDF as a document. Inconsistent totals are refused before
 * anything is written (400 naming the element). The PDF's bytes are stored before the
 * transaction (a store cannot join it) and removed if the transaction fails.
 */
export async function importEInvoice({
  ctx,
  input,
}: UseCaseCall<
  ActorContext<EInvoiceImportRepos>,
  {
    readonly buildingId: string
    /**
     * Reads and parses the file, called only once the caller may import into this building: a
     * caller of another tenant gets its 404 (or an owner its 403) whatever the body.
     */
    readonly read: () => Promise<
      Result<{
        readonly invoice: EInvoice
        readonly category?: ExpenseCategory | undefined
        /** SHA-256 of the file's bytes, hex: the same file is the same document. */
        readonly fileHash: string
      }>
    >
  }
>): Promise<Result<EInvoiceImport>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const scoped = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scoped.ok) return scoped
  const scope = scoped.value
  // Another tenant's building is a 404 before a byte of the file is read.
  if (!(await ctx.repos.property.buildings.findById(scope, input.buildingId)))
    return err(DomainErrors.notFound('Building'))
  const read = await input.read()
  if (!read.ok) return read
  const checked = checkEInvoice(read.value.invoice)
  if (!checked.ok) return checked
  const invoice = checked.value
  const drafts = expenseDraftsOf(invoice)
  if (drafts.length === 0)
    return err(DomainErrors.invalidField('cac:LegalMonetaryTotal', 'the invoice totals zero'))
  const issues: FieldIssue[] = []
  const fields: ValidExpenseFields[] = []
  for (const d of drafts) {
    const valid = validateNewExpense({
      category: read.value.category ?? 'Other',
      description: d.description,
      amountExclVatCents: d.amountExclVatCents,
      vatRate: d.vatRate,
      vatCents: d.vatCents,
      creditNote: d.creditNote,
      expenseDate: invoice.issueDate,
      supplier: invoice.supplier.name.slice(0, 255),
      invoiceNumber: invoice.number.slice(0, 100),
      supplierEnterpriseNumber: invoice.supplier.enterpriseNumber,
      supplierIban: invoice.supplier.iban,
    })
    if (valid.ok) fields.push(valid.value)
    else if (valid.error.kind === 'validation') issues.push(...valid.error.issues)
  }
  if (issues.length > 0) return err(DomainErrors.validation('The e-invoice cannot be an expense', issues))
  const attachment = invoice.attachment
  const documentId = attachment ? ctx.ids.next() : null
  const storageKey = documentId ? storageKeyFor(scope.organizationId, documentId) : null
  if (attachment && storageKey) {
    await ctx.files.put(storageKey, attachment.bytes, {
      contentType: 'application/pdf',
      size: attachment.bytes.length,
    })
  }
  let result: Result<EInvoiceImport>
  try {
    result = await ctx.transaction(async (repos) => {
      const building = await repos.property.buildings.findById(scope, input.buildingId)
      if (!building) return err(DomainErrors.notFound('Building'))
      const supplier = await supplierOf(ctx, repos, scope, invoice)
      // The same document imported before (or the same file): refused, naming its expense; the
      // supplier just created above rolls back with the transaction.
      const identity = eInvoiceIdentity(invoice, enterpriseNumberOf(invoice), supplier?.record.id ?? null)
      const fileHash = read.value.fileHash
      const earlier = await repos.finance.einvoiceImports.findDuplicate(
        scope,
        building.id,
        identity,
        fileHash,
      )
      if (earlier) return err(alreadyImported(earlier))
      const expenses: Expense[] = []
      for (const f of fields)
        expenses.push(
          await insertExpense(ctx, repos, building, f, {
            draft: true,
            supplierId: supplier?.record.id ?? null,
          }),
        )
      const first = expenses[0] as Expense
      await repos.finance.einvoiceImports.insert(scope, {
        id: ctx.ids.next(),
        organizationId: scope.organizationId,
        buildingId: building.id,
        expenseId: first.id,
        ...identity,
        fileHash,
        createdAt: ctx.clock.now(),
      })
      let document: Document | null = null
      if (attachment && documentId && storageKey) {
        const now = ctx.clock.now()
        document = {
          id: documentId,
          organizationId: scope.organizationId,
          buildingId: building.id,
          documentType: 'Invoice',
          title: `${invoice.supplier.name} — ${invoice.number}`.slice(0, 200),
          description: null,
          fileSize: attachment.bytes.length,
          mimeType: 'application/pdf',
          originalFilename: attachment.filename.slice(0, 255),
          storageKey,
          uploadedBy: ctx.actor.userId,
          relatedMeetingId: null,
          relatedExpenseId: first.id,
          addresseeOwnerId: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        }
        await repos.documents.documents.insert(scope, document)
        await recordEvent(ctx, repos, 'DocumentUploaded', scope, document.id, {
          building_id: building.id,
          document_type: 'Invoice',
          mime_type: 'application/pdf',
          file_size: document.fileSize,
          related_expense_id: first.id,
        })
      }
      await recordEvent(ctx, repos, 'EInvoiceImported', scope, first.id, {
        building_id: building.id,
        kind: invoice.kind,
        invoice_number: invoice.number,
        supplier_enterprise_number: invoice.supplier.enterpriseNumber,
        expense_ids: expenses.map((e) => e.id),
        total_cents: invoice.totals.taxInclusiveCents,
        document_id: document?.id ?? null,
        supplier_id: supplier?.record.id ?? null,
        supplier_created: supplier?.created ?? false,
      })
      return ok({ invoice, expenses, document, supplier: supplier ?? null })
    })
  } catch (error) {
    if (storageKey) await ctx.files.delete(storageKey).catch(() => undefined)
    throw error
  }
  if (!result.ok && storageKey) await ctx.files.delete(storageKey).catch(() => undefined)
  return result
}

/** 409 naming the draft expense the first import of this document made. */
export function alreadyImported(earlier: EInvoiceImportRecord) {
  const what = earlier.kind === 'credit-note' ? 'Credit note' : 'Invoice'
  return DomainErrors.conflict(
    'einvoice_already_imported',
    `${what} ${earlier.invoiceNumber} of ${earlier.issueDate} was already imported: expense ${earlier.expenseId} (/api/v1/expenses/${earlier.expenseId}); nothing was imported`,
    {
      variant: earlier.kind,
      number: earlier.invoiceNumber,
      date: earlier.issueDate,
      expenseId: earlier.expenseId,
      link: `/api/v1/expenses/${earlier.expenseId}`,
    },
  )
}

function enterpriseNumberOf(invoice: EInvoice): string | null {
  const en = invoice.supplier.enterpriseNumber
    ? parseEnterpriseNumber(invoice.supplier.enterpriseNumber)
    : null
  return en?.ok ? en.value : null
}

/**
 * The organization's supplier record of the invoice's seller: the one with the same enterprise
 * number or VAT number, else a new record from the invoice (name, numbers, IBAN). A seller with
 * neither number (or numbers the supplier rules refuse) is left unlinked: the draft keeps the
 * free-text fields, and the syndic links it before approval.
 */
async function supplierOf(
  ctx: ActorContext<EInvoiceImportRepos>,
  repos: EInvoiceImportRepos,
  scope: { readonly organizationId: string },
  invoice: EInvoice,
): Promise<{ readonly record: Supplier; readonly created: boolean } | null> {
  const party = invoice.supplier
  const en = party.enterpriseNumber ? parseEnterpriseNumber(party.enterpriseNumber) : null
  const enterpriseNumber = en?.ok ? en.value : null
  const vatNumber = party.vatNumber
  if (!enterpriseNumber && !vatNumber) return null
  const search = vatNumber ?? enterpriseNumber ?? ''
  const page = await repos.finance.suppliers.list(
    scope,
    { search: enterpriseNumber ?? search },
    { page: 1, perPage: 20, sortBy: 'created_at', order: 'asc' },
  )
  const found = page.items.find(
    (s) =>
      (enterpriseNumber !== null && s.enterpriseNumber === enterpriseNumber) ||
      (vatNumber !== null && s.vatNumber === vatNumber),
  )
  if (found) return { record: found, created: false }
  const fields = validateSupplier({
    name: party.name,
    enterpriseNumber,
    vatNumber,
    iban: party.iban,
  })
  if (!fields.ok) return null
  const now = ctx.clock.now()
  const record: Supplier = {
    id: ctx.ids.next(),
    organizationId: scope.organizationId,
    ...fields.value,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  await repos.finance.suppliers.insert(scope, record)
  await recordEvent(ctx, repos, 'SupplierCreated', scope, record.id, {
    name: record.name,
    enterpriseNumber: record.enterpriseNumber,
    vatNumber: record.vatNumber,
    iban: record.iban,
    source: 'e-invoice',
  })
  return { record, created: true }
}
