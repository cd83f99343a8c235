// Error texts of arrears: the reminder ladder, fees, late interest and legal rates (ADR 0039),
// spread into each language's catalogue with one line.
import type { Message } from '../plural.ts'

export const arrearsErrorsEn = {
  'error.entity.ArrearsSettings': 'Arrears settings',
  'error.field.arrearsFeeRange': 'must be 0 to {max} cents',
  'error.field.arrearsBasisRequired':
    'is required (statutes or assembly, with its reference): charging an owner needs the statutes or a resolution',
  'error.field.arrearsYearRange': 'must be {min} to {max}',
  'error.field.arrearsRateRange': 'must be 0 to {max} (hundredths of a percent)',
  'error.field.arrearsSourceRequired': 'is required (at most {max} characters)',
  'error.field.arrearsStepsCount': 'must have 1 to {max} steps',
  'error.field.arrearsStepKind': 'step {step}: unknown kind',
  'error.field.arrearsStepDays': 'step {step}: days after the due date must be 1 to {max}',
  'error.field.arrearsStepOrder': 'step {step}: days after the due date must increase from step to step',
} as const satisfies Record<string, Message>

type ArrearsErrors = Record<keyof typeof arrearsErrorsEn, Message>

export const arrearsErrorsFr: ArrearsErrors = {
  'error.entity.ArrearsSettings': 'Paramètres de rappel',
  'error.field.arrearsFeeRange': 'doit être de 0 à {max} cents',
  'error.field.arrearsBasisRequired':
    'est requis (statuts ou assemblée, avec sa référence) : imputer des frais ou intérêts à un copropriétaire exige les statuts ou une décision',
  'error.field.arrearsYearRange': 'doit être de {min} à {max}',
  'error.field.arrearsRateRange': 'doit être de 0 à {max} (centièmes de pour cent)',
  'error.field.arrearsSourceRequired': 'est requis ({max} caractères au plus)',
  'error.field.arrearsStepsCount': 'doit compter de 1 à {max} étapes',
  'error.field.arrearsStepKind': 'étape {step} : type inconnu',
  'error.field.arrearsStepDays': 'étape {step} : les jours après l’échéance doivent être de 1 à {max}',
  'error.field.arrearsStepOrder':
    'étape {step} : les jours après l’échéance doivent croître d’une étape à l’autre',
}

export const arrearsErrorsNl: ArrearsErrors = {
  'error.entity.ArrearsSettings': 'Herinneringsinstellingen',
  'error.field.arrearsFeeRange': 'moet 0 tot {max} cent zijn',
  'error.field.arrearsBasisRequired':
    'is verplicht (statuten of algemene vergadering, met de verwijzing): kosten of interesten aanrekenen vereist de statuten of een besluit',
  'error.field.arrearsYearRange': 'moet {min} tot {max} zijn',
  'error.field.arrearsRateRange': 'moet 0 tot {max} zijn (honderdsten van een procent)',
  'error.field.arrearsSourceRequired': 'is verplicht (hoogstens {max} tekens)',
  'error.field.arrearsStepsCount': 'moet 1 tot {max} stappen hebben',
  'error.field.arrearsStepKind': 'stap {step}: onbekende soort',
  'error.field.arrearsStepDays': 'stap {step}: de dagen na de vervaldag moeten 1 tot {max} zijn',
  'error.field.arrearsStepOrder': 'stap {step}: de dagen na de vervaldag moeten van stap tot stap toenemen',
}

export const arrearsErrorsDe: ArrearsErrors = {
  'error.entity.ArrearsSettings': 'Mahneinstellungen',
  'error.field.arrearsFeeRange': 'muss 0 bis {max} Cent sein',
  'error.field.arrearsBasisRequired':
    'ist erforderlich (Statuten oder Generalversammlung, mit Verweis): Gebühren oder Zinsen zu berechnen erfordert die Statuten oder einen Beschluss',
  'error.field.arrearsYearRange': 'muss {min} bis {max} sein',
  'error.field.arrearsRateRange': 'muss 0 bis {max} sein (Hundertstel Prozent)',
  'error.field.arrearsSourceRequired': 'ist erforderlich (höchstens {max} Zeichen)',
  'error.field.arrearsStepsCount': 'muss 1 bis {max} Stufen haben',
  'error.field.arrearsStepKind': 'Stufe {step}: unbekannte Art',
  'error.field.arrearsStepDays': 'Stufe {step}: die Tage nach der Fälligkeit müssen 1 bis {max} sein',
  'error.field.arrearsStepOrder':
    'Stufe {step}: die Tage nach der Fälligkeit müssen von Stufe zu Stufe steigen',
}
