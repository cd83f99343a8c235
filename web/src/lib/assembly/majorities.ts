// The majorities the agenda editor offers for a decision type: the one the law requires (art. 3.87
// §8, art. 3.88) and every stricter one — never a lower one (the API refuses it anyway).
import {
  type DecisionType,
  isAtLeast,
  MAJORITIES,
  type Majority,
  requiredMajority,
} from '@koprogo/domain/assembly'

export const allowedMajorities = (type: DecisionType): Majority[] =>
  MAJORITIES.filter((m) => isAtLeast(m, requiredMajority(type)))
