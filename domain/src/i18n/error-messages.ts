export const errorEn = {} as const
type ErrorMessages = Record<keyof typeof errorEn, string>
export const errorFr: ErrorMessages = {}
export const errorNl: ErrorMessages = {}
export const errorDe: ErrorMessages = {}
