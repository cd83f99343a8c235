// Violation: an HTTP framework in the domain.
// biome-ignore lint/style/noRestrictedImports: fixture of the forbidden import dependency-cruiser must catch
import { Hono } from 'hono'

export const uses = Hono
