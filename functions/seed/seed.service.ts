import {
  type Actor,
  type AuditAction,
  can,
  DomainErrors,
  err,
  type FileStore,
  ok,
  type PasswordHasher,
  type Result,
} from '@koprogo/domain'
import { eq, inArray, isNotNull } from 'drizzle-orm'
import type { Database } from '../_shared/db/client.ts'
import {
  auditLog,
  buildings,
  documents,
  expenses,
  idempotencyKeys,
  meetings,
  organizations,
  owners,
  unitOwnerships,
  unitRepresentatives,
  units,
  users,
} from '../_shared/db/schema/index.ts'
import { uuidv7 } from '../_shared/ids.ts'
import { demoPdf } from './demo-document.ts'
import { demoSeed, realisticSeed, type SeedCredential, type SeedRows } from './seed-data.ts'

export type SeedKind = 'demo' | 'realistic'
export type SeedOutcome = { message: string; users: SeedCredential[]; created: boolean }

/**
 * Loads a seed dataset in one transaction (all or nothing), tagged with `seed_tag` so that
 * clearing can only ever remove seeded organizations. Loading twice is harmless: the second call
 * reports the existing data instead of duplicating it.
 */
export async function loadSeed(
  db: Database,
  passwords: PasswordHasher,
  files: FileStore,
  actor: Actor | null,
  kind: SeedKind,
  requestId: string,
  scale = 1,
): Promise<Result<SeedOutcome>> {
  if (actor && !can(actor, 'platform:manage')) return err(DomainErrors.forbidden())
  const { rows, credentials } = kind === 'demo' ? demoSeed() : realisticSeed(42, scale)
  const existing = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.seedTag, kind))
    .limit(1)
  if (existing.length > 0) {
    return ok({ message: `The ${kind} data is already loaded`, users: credentials, created: false })
  }
  const emails = rows.users.map((u) => u.email)
  const taken = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))
  if (taken.length > 0) {
    return err(
      DomainErrors.conflict(
        'seed_email_taken',
        `Seed users already exist: ${taken.map((t) => t.email).join(', ')}`,
        { emails: taken.map((t) => t.email).join(', ') },
      ),
    )
  }
  const hashes = new Map<string, string>()
  for (const password of new Set(rows.users.map((u) => u.password)))
    hashes.set(password, await passwords.hash(password))
  const document = kind === 'demo' ? await storeDemoDocument(files, rows) : null
  await db.transaction(async (tx) => {
    await insertRows(tx as unknown as Database, rows, hashes)
    if (document) await tx.insert(documents).values(document)
    await tx.insert(auditLog).values({
      organizationId: null,
      actorUserId: actor?.userId ?? null,
      action: `seed.${kind}` satisfies AuditAction,
      entity: 'seed',
      entityId: kind,
      requestId,
      details: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])),
    })
  })
  const counts = `${rows.organizations.length} organization(s), ${rows.buildings.length} buildings, ${rows.units.length} units, ${rows.owners.length} owners, ${rows.expenses.length} expenses`
  return ok({ message: `Loaded the ${kind} data: ${counts}`, users: credentials, created: true })
}

/** The demo's one document: the file is stored first, its row inserted with the seed. */
async function storeDemoDocument(files: FileStore, rows: SeedRows) {
  const org = rows.organizations[0]
  const building = rows.buildings[0]
  const uploader = rows.users.find((u) => u.role === 'syndic')
  if (!org?.id || !building?.id || !uploader?.id) return null
  const id = uuidv7()
  const storageKey = `${org.id}/${id}`
  const bytes = demoPdf("Reglement d'ordre interieur - Residence demo")
  await files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
  return {
    id,
    organizationId: org.id,
    buildingId: building.id,
    documentType: 'Regulation',
    title: "Règlement d'ordre intérieur",
    description: 'Document de démonstration',
    fileSize: bytes.length,
    mimeType: 'application/pdf',
    originalFilename: 'reglement-ordre-interieur.pdf',
    storageKey,
    uploadedBy: uploader.id,
  }
}

async function insertRows(db: Database, rows: SeedRows, hashes: Map<string, string>): Promise<void> {
  await db.insert(organizations).values(rows.organizations)
  await db
    .insert(users)
    .values(rows.users.map(({ password, ...u }) => ({ ...u, passwordHash: hashes.get(password) ?? '' })))
  await db.insert(buildings).values(rows.buildings)
  await db.insert(owners).values(rows.owners)
  await db.insert(units).values(rows.units)
  await db.insert(unitOwnerships).values(rows.unitOwnerships)
  if (rows.expenses.length > 0) await db.insert(expenses).values(rows.expenses)
  if (rows.meetings.length > 0) await db.insert(meetings).values(rows.meetings)
}

/** Removes every seeded organization and everything in it; real tenants are untouched. */
export async function clearSeeds(
  db: Database,
  actor: Actor,
  requestId: string,
): Promise<Result<{ message: string; organizations: number }>> {
  if (!can(actor, 'platform:manage')) return err(DomainErrors.forbidden())
  const seeded = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(isNotNull(organizations.seedTag))
  const ids = seeded.map((o) => o.id)
  if (ids.length === 0) return ok({ message: 'No seeded data to remove', organizations: 0 })
  await db.transaction(async (tx) => {
    await tx.delete(documents).where(inArray(documents.organizationId, ids))
    await tx.delete(meetings).where(inArray(meetings.organizationId, ids))
    await tx.delete(expenses).where(inArray(expenses.organizationId, ids))
    await tx.delete(unitOwnerships).where(inArray(unitOwnerships.organizationId, ids))
    await tx.delete(unitRepresentatives).where(inArray(unitRepresentatives.organizationId, ids))
    await tx.update(units).set({ ownerId: null }).where(inArray(units.organizationId, ids))
    await tx.delete(units).where(inArray(units.organizationId, ids))
    await tx.delete(owners).where(inArray(owners.organizationId, ids))
    await tx.delete(buildings).where(inArray(buildings.organizationId, ids))
    const seededUsers = tx.select({ id: users.id }).from(users).where(inArray(users.organizationId, ids))
    await tx.delete(idempotencyKeys).where(inArray(idempotencyKeys.userId, seededUsers))
    await tx.delete(users).where(inArray(users.organizationId, ids))
    await tx.delete(organizations).where(inArray(organizations.id, ids))
    await tx.insert(auditLog).values({
      organizationId: null,
      actorUserId: actor.userId,
      action: 'seed.clear' satisfies AuditAction,
      entity: 'seed',
      entityId: 'all',
      requestId,
      details: { organizations: ids.length },
    })
  })
  return ok({
    message: `Removed ${ids.length} seeded organization(s) and their data`,
    organizations: ids.length,
  })
}

/** Embedded first start: an empty database gets the demo data so a new user sees a living app. */
export async function seedDemoIfEmpty(
  db: Database,
  passwords: PasswordHasher,
  files: FileStore,
): Promise<boolean> {
  const any = await db.select({ id: organizations.id }).from(organizations).limit(1)
  if (any.length > 0) return false
  const result = await loadSeed(db, passwords, files, null, 'demo', 'startup')
  return result.ok && result.value.created
}
