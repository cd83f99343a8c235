// The API's error texts, one file per language in errors/ (English defines the keys).
export { errorDe } from './errors/de.ts'
export { type ErrorKey, type ErrorMessages, errorEn } from './errors/en.ts'
export { errorFr } from './errors/fr.ts'
export { errorNl } from './errors/nl.ts'
