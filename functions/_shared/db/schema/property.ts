import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns.ts'
import { organizations } from './organizations.ts'
import { users } from './users.ts'

/**
 * The property register. Invariants the domain checks are also constraints here, so a bug or a
 * forgotten check fails loudly instead of storing an impossible building.
 */
export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    /** The number of lots: kept by triggers on units (migration 0008), never written by the app. */
    totalUnits: integer('total_units').notNull().default(0),
    /** What the syndic declared (v1's total_units); informational (ADR 0018). */
    declaredUnits: integer('declared_units'),
    totalTantiemes: integer('total_tantiemes').notNull().default(1000),
    /**
     * Σ quota of the building's units: kept by the units triggers (migration 0027), never written
     * by the app; a unit that would take it past total_tantiemes is refused there (ADR 0047).
     */
    quotaUsed: integer('quota_used').notNull().default(0),
    constructionYear: integer('construction_year'),
    /** The syndic's public identity (Civil Code art. 3.89 §2), defaulted from the organization. */
    syndicName: text('syndic_name'),
    syndicEnterpriseNumber: text('syndic_enterprise_number'),
    syndicAddress: text('syndic_address'),
    syndicEmail: text('syndic_email'),
    syndicPhone: text('syndic_phone'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('buildings_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    // The target of units_building_same_org_fk (a unit's building is of the unit's tenant).
    uniqueIndex('buildings_id_org_uq').on(t.id, t.organizationId),
    index('buildings_org_name_idx').on(t.organizationId, t.name),
    index('buildings_org_city_idx').on(t.organizationId, t.city),
    check('buildings_total_units_not_negative', sql`${t.totalUnits} >= 0`),
    check('buildings_declared_units_positive', sql`${t.declaredUnits} is null or ${t.declaredUnits} > 0`),
    check('buildings_total_tantiemes_positive', sql`${t.totalTantiemes} > 0`),
  ],
)

export const owners = pgTable(
  'owners',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    ownerType: text('owner_type').notNull().default('person'),
    /** Required for a person (check below); optional for a company. */
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    /** Belgian enterprise number, normalized 0123.456.789. */
    enterpriseNumber: text('enterprise_number'),
    legalRepresentative: text('legal_representative'),
    /** Null for an owner reached by paper mail; NULLs never collide in owners_org_email_uq. */
    email: text('email'),
    phone: text('phone'),
    address: text('address').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    correspondenceAddress: text('correspondence_address'),
    preferredLanguage: text('preferred_language').notNull().default('fr'),
    emailConsent: boolean('email_consent').notNull().default(false),
    emailConsentDate: date('email_consent_date', { mode: 'string' }),
    /** What `sort_by=last_name` orders by: a company sorts by its name among the persons. */
    sortName: text('sort_name').generatedAlwaysAs(sql`coalesce(last_name, company_name)`),
    userId: uuid('user_id').references(() => users.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('owners_org_email_uq').on(t.organizationId, t.email),
    uniqueIndex('owners_user_uq').on(t.userId),
    index('owners_org_created_idx').on(t.organizationId, t.createdAt),
    // Name kept from migration 0005 (docs/performance.md reads it); it now orders by sort_name.
    index('owners_org_last_name_idx').on(t.organizationId, t.sortName, t.id),
    check('owners_type_known', sql`${t.ownerType} in ('person', 'company')`),
    check(
      'owners_identity',
      sql`(${t.ownerType} = 'person' and ${t.firstName} is not null and ${t.lastName} is not null and ${t.companyName} is null)
          or (${t.ownerType} = 'company' and ${t.companyName} is not null)`,
    ),
    check('owners_language_known', sql`${t.preferredLanguage} in ('fr', 'nl', 'de', 'en')`),
    check(
      'owners_email_consent',
      sql`not ${t.emailConsent} or (${t.email} is not null and ${t.emailConsentDate} is not null)`,
    ),
  ],
)

export const units = pgTable(
  'units',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unitNumber: text('unit_number').notNull(),
    unitType: text('unit_type').notNull(),
    floor: integer('floor'),
    surfaceArea: doublePrecision('surface_area').notNull(),
    quota: integer('quota').notNull(),
    /** Denormalized primary contact among the active ownerships (the v1 `owner_id`). */
    ownerId: uuid('owner_id').references(() => owners.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('units_building_number_uq').on(t.buildingId, t.unitNumber),
    // units_building_same_org_fk (migration 0027, hand-written after the index it needs): the
    // tenant guard of a unit's create, checked by the insert itself, no read of the building first
    // (ADR 0047). Another tenant's building fails it and is answered 404.
    index('units_org_building_idx').on(t.organizationId, t.buildingId),
    index('units_org_created_idx').on(t.organizationId, t.createdAt),
    index('units_org_owner_idx').on(t.organizationId, t.ownerId),
    // The default unit list order (unit_number, id): the first page reads 20 index entries, not the tenant.
    index('units_org_number_idx').on(t.organizationId, t.unitNumber, t.id),
    check('units_quota_positive', sql`${t.quota} > 0`),
    check('units_surface_positive', sql`${t.surfaceArea} > 0`),
  ],
)

export const unitOwnerships = pgTable(
  'unit_ownerships',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    sharePpm: integer('share_ppm').notNull(),
    /** 'full', or one side of a dismembered lot: 'usufruct' / 'bare' (shares add up per right). */
    rightType: text('right_type', { enum: ['full', 'usufruct', 'bare'] })
      .notNull()
      .default('full'),
    isPrimaryContact: boolean('is_primary_contact').notNull().default(false),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('unit_ownerships_org_unit_idx').on(t.organizationId, t.unitId),
    index('unit_ownerships_org_owner_idx').on(t.organizationId, t.ownerId),
    // At most one active link per (unit, owner) and one active primary contact per unit.
    uniqueIndex('unit_ownerships_active_uq').on(t.unitId, t.ownerId).where(sql`${t.endDate} is null`),
    uniqueIndex('unit_ownerships_primary_uq')
      .on(t.unitId)
      .where(sql`${t.endDate} is null and ${t.isPrimaryContact}`),
    check('unit_ownerships_share_range', sql`${t.sharePpm} > 0 and ${t.sharePpm} <= 1000000`),
    check('unit_ownerships_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('unit_ownerships_right_type', sql`${t.rightType} in ('full', 'usufruct', 'bare')`),
  ],
)

/**
 * Who votes for a lot at general assemblies and who receives its calls for funds, from a date
 * until the lot's next designation (Civil Code art. 3.87 §1: one mandataire for a dismembered or
 * undivided lot). A null owner means the default rule (usufructuaries, else full owners).
 */
export const unitRepresentatives = pgTable(
  'unit_representatives',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    voterOwnerId: uuid('voter_owner_id').references(() => owners.id),
    callsOwnerId: uuid('calls_owner_id').references(() => owners.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('unit_representatives_unit_start_uq').on(t.unitId, t.startDate),
    index('unit_representatives_org_unit_idx').on(t.organizationId, t.unitId),
  ],
)
