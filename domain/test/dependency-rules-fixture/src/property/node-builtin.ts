// Violation: a Node built-in in the domain.
// biome-ignore lint/style/noRestrictedImports: fixture of the forbidden import dependency-cruiser must catch
import { readFileSync } from 'node:fs'

export const uses = readFileSync
