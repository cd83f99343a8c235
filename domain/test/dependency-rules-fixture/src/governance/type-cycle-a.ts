// Allowed: a cycle made only of type imports is erased at compile time.
import type { B } from './type-cycle-b.ts'

export type A = { readonly b?: B }
