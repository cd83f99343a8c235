import type { UnitType } from '../../property/index.ts'

/*
 * Civil Code art. 3.90 §1: in a building of at least twenty lots — cellars, garages and parkings
 * not counted — a board of co-owners (conseil de copropriété) is set up by the assembly.
 * The register's lot types 'Cellar' and 'Parking' (garages are registered as parkings) are left out.
 */
export const BOARD_MANDATORY_FROM_LOTS = 20
const NOT_COUNTED: readonly UnitType[] = ['Cellar', 'Parking']

export function lotsCountedForBoard(unitTypes: readonly UnitType[]): number {
  return unitTypes.filter((t) => !NOT_COUNTED.includes(t)).length
}

export function boardMandatory(unitTypes: readonly UnitType[]): boolean {
  return lotsCountedForBoard(unitTypes) >= BOARD_MANDATORY_FROM_LOTS
}

export const BOARD_ROLES = ['president', 'member', 'auditor'] as const
export type BoardRole = (typeof BOARD_ROLES)[number]
