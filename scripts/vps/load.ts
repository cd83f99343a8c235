import type { DrillContext } from './drills.ts'
export async function measureLoad(_ctx: DrillContext): Promise<void> {}
