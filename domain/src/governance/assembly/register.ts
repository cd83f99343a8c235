import type { DecisionType, Majority, StatutoryMajorities } from './majority.ts'

/*
 * The attendance register of one meeting: who votes, with how many votes. Built on the server from
 * the property register on the meeting date (never from the client): a lot's votes are its quote-parts
 * (art. 3.87 §6: each owner has a number of votes equal to their quote-parts in the common parts), held
 * by the lot's representative (art. 3.87 §1: indivision or dismemberment → one designated mandataire;
 * property's default otherwise). One voter per owner, summing the lots they vote for.
 */

export type AssemblyVoterUnit = {
  readonly unitId: string
  readonly unitNumber: string
  readonly quota: number
}

export type AssemblyVoter = {
  readonly ownerId: string
  readonly name: string
  /** Σ quote-parts of the lots this owner votes for. */
  readonly votes: number
  readonly units: readonly AssemblyVoterUnit[]
}

/** A proxy given online before the meeting (art. 3.87 §7), to an owner or to a named outsider. */
export type OnlineProxy = {
  readonly grantorOwnerId: string
  readonly holderOwnerId: string | null
  readonly holderName: string | null
}

export type AssemblyRegister = {
  readonly meetingId: string
  readonly buildingId: string
  /** The building's total quote-parts (tantièmes): the base of the quorum, the 10 % proxy rule and unanimity. */
  readonly totalVotes: number
  readonly voters: readonly AssemblyVoter[]
  readonly proxies: readonly OnlineProxy[]
}

/** An agenda item as the replay needs it. */
export type AssemblyResolution = {
  readonly id: string
  readonly position: number
  readonly title: string
  readonly decisionType: DecisionType
  /** At least the one the decision type requires. */
  readonly majority: Majority
}

/** What the replay needs besides the acts. */
export type MeetingSetup = {
  readonly register: AssemblyRegister
  readonly resolutions: readonly AssemblyResolution[]
  /** A second assembly (art. 3.87 §5, third paragraph) deliberates whatever the attendance. */
  readonly secondAssembly: boolean
  /** Owners who are the syndic or its staff: they may hold no proxy (art. 3.87 §7). */
  readonly syndicOwnerIds: readonly string[]
  /** Majorities the building's statutes raise (absent: the law's only); see requiredMajority. */
  readonly statutoryMajorities?: StatutoryMajorities | undefined
}
