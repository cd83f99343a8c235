/** Time and identity are ports so use cases are deterministic under test. */
export interface Clock {
  now(): Date
}

export interface IdGenerator {
  /** A new UUID (v4 or v7). */
  next(): string
}

export type SortOrder = 'asc' | 'desc'

export type PageRequest<S extends string = string> = {
  readonly page: number
  readonly perPage: number
  readonly sortBy: S
  readonly order: SortOrder
}

export type Page<T> = { readonly items: readonly T[]; readonly total: number }

export const DEFAULT_PER_PAGE = 20
export const MAX_PER_PAGE = 100
