// Labels of the assembly's enums (no domain code: the owner portal imports these without the rules).
import { tMaybe } from '../i18n'

export const majorityLabel = (m: string) => tMaybe(`majority.${m}`, m)
export const decisionLabel = (d: string) => tMaybe(`decision.${d}`, d)
