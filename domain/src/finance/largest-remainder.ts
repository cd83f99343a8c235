/**
 * Largest-remainder apportionment on exact rationals. Each part i has the exact value
 * `numerators[i] / denominator` cents; it receives the floor of that value, and the cents still
 * missing to reach `total` go one each to the parts with the largest remainders, ties broken by
 * the caller's order (index ascending). BigInt throughout: amount × quota × share exceeds 2^53.
 *
 * Precondition (checked): floor-sum ≤ total ≤ ceil-sum. Then every part gets the floor or the
 * ceiling of its exact value, so no part is off by a full cent — a part whose exact value is an
 * integer (remainder 0) can never be picked, because at most "number of non-zero remainders"
 * cents are missing and those parts sort first.
 */
export function apportionLargestRemainder(
  total: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
): bigint[] {
  const floors = numerators.map((n) => n / denominator)
  const remainders = numerators.map((n) => n % denominator)
  const floorSum = floors.reduce((a, b) => a + b, 0n)
  const nonZero = remainders.filter((r) => r !== 0n).length
  const missing = total - floorSum
  if (missing < 0n || missing > BigInt(nonZero)) {
    // Only reachable by a caller bug (inconsistent total); failing loudly beats a wrong invoice.
    throw new Error(`apportionment impossible: ${missing} cents to hand over ${nonZero} fractional parts`)
  }
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const result = [...floors]
  for (let k = 0; k < Number(missing); k++) {
    const pick = order[k]
    if (pick === undefined) break
    result[pick.i] = (result[pick.i] ?? 0n) + 1n
  }
  return result
}

/**
 * The part `index` alone of `apportionLargestRemainder(total, numerators, denominator)`, in O(n)
 * and without sorting: it gets its floor plus one cent when fewer than `missing` parts come
 * before it in the (remainder desc, index asc) order. Same precondition, same throw. For charge
 * lists that need one owner's part of thousands of expenses (GET /owners/{id}/charges).
 */
export function apportionedPart(
  total: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
  index: number,
): bigint {
  const own = numerators[index]
  if (own === undefined) throw new Error(`no part ${index}`)
  const ownRemainder = own % denominator
  let floorSum = 0n
  let nonZero = 0
  let before = 0
  numerators.forEach((n, i) => {
    const r = n % denominator
    floorSum += n / denominator
    if (r !== 0n) nonZero++
    if (r > ownRemainder || (r === ownRemainder && i < index)) before++
  })
  const missing = total - floorSum
  if (missing < 0n || missing > BigInt(nonZero)) {
    throw new Error(`apportionment impossible: ${missing} cents to hand over ${nonZero} fractional parts`)
  }
  return own / denominator + (BigInt(before) < missing ? 1n : 0n)
}

/**
 * `apportionedPart` on plain numbers, for callers that checked every numerator is a safe integer
 * (no BigInt allocation: ten times faster on the charge lists). Floors are corrected after the
 * floating division so they are exact for any safe integer.
 */
export function apportionedPartSafe(
  total: number,
  numerators: readonly number[],
  denominator: number,
  index: number,
): number {
  const own = numerators[index]
  if (own === undefined) throw new Error(`no part ${index}`)
  const ownFloor = floorDiv(own, denominator)
  const ownRemainder = own - ownFloor * denominator
  let floorSum = 0
  let nonZero = 0
  let before = 0
  for (let i = 0; i < numerators.length; i++) {
    const n = numerators[i] as number
    const f = floorDiv(n, denominator)
    const r = n - f * denominator
    floorSum += f
    if (r !== 0) nonZero++
    if (r > ownRemainder || (r === ownRemainder && i < index)) before++
  }
  const missing = total - floorSum
  if (missing < 0 || missing > nonZero) {
    throw new Error(`apportionment impossible: ${missing} cents to hand over ${nonZero} fractional parts`)
  }
  return ownFloor + (before < missing ? 1 : 0)
}

/** floor(n / d) exactly for safe integers: the floating division is rounded, so correct it once. */
function floorDiv(n: number, d: number): number {
  const f = Math.floor(n / d)
  const r = n - f * d
  return r < 0 ? f - 1 : r >= d ? f + 1 : f
}
