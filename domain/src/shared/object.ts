/** The fields a partial update actually sets: `undefined` means "leave as is", so it is dropped. */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
