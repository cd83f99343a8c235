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
