// Solid resources throw when read after a failed fetch; views use value() so a failed or
// offline-unavailable read shows its message instead of unmounting the page.
import type { Resource } from 'solid-js'

export const value = <T>(r: Resource<T>): T | undefined => (r.error ? undefined : r())

/**
 * Whether each resource has answered once (a refresh behind a shown value counts as answered;
 * one never asked for, too). A page shows its sections together once its first data is in:
 * sections popping in one by one pushed the others down (Lighthouse CLS 0.2–0.7). It reads the
 * state only, never the value, so nothing here can hold a navigation (ADR 0034).
 */
export const answered = (...rs: Resource<unknown>[]): boolean => rs.every((r) => r.state !== 'pending')
