// Solid resources throw when read after a failed fetch; views use value() so a failed or
// offline-unavailable read shows its message instead of unmounting the page.
import type { Resource } from 'solid-js'

export const value = <T>(r: Resource<T>): T | undefined => (r.error ? undefined : r())
