// A building's budgets, read once for the building page's budgets card and the calls' issue form
// (lib/shared-read.ts); a budget created or approved in one refreshes both.
import { createResource, createSignal, onCleanup, type Resource } from 'solid-js'
import * as api from './api'
import { createSharedReads } from './shared-read'
import type { Budget } from './wire-types'

const reads = createSharedReads<Budget[]>((id) => api.budgets.list(id))
const [generation, setGeneration] = createSignal(0)

export function useBuildingBudgets(buildingId: () => string): Resource<Budget[]> {
  let held: string | undefined
  const [list] = createResource(
    () => ({ id: buildingId(), gen: generation() }),
    ({ id }) => {
      if (held !== id) {
        if (held) reads.release(held)
        reads.acquire(id)
        held = id
      }
      return reads.read(id).catch(() => [] as Budget[])
    },
  )
  onCleanup(() => held && reads.release(held))
  return list
}

/** After a write to a building's budgets: every section showing them reads them again, once. */
export function reloadBuildingBudgets(buildingId: string): void {
  reads.reload(buildingId)
  setGeneration((g) => g + 1)
}
