// The room's setup from the server's session (GET /meetings/{id}/session), read through the
// offline cache: the meeting page reads it online (prefetch), the room reads the cached copy when
// there is no network. The register's quote-parts come from the server, never from this device.
import type { MeetingAct, MeetingSetup } from '@koprogo/domain/assembly'
import * as api from '../api'

export interface LoadedSession {
  setup: MeetingSetup
  serverActs: readonly MeetingAct[]
  fromCache: boolean
}

export async function loadSession(meetingId: string): Promise<LoadedSession> {
  const read = await api.assembly.session(meetingId)
  const s = read.data
  return {
    setup: {
      register: s.register.register,
      resolutions: s.resolutions.map((r) => ({
        id: r.id,
        position: r.position,
        title: r.title,
        decisionType: r.decision_type,
        majority: r.majority,
      })),
      // The server's flag (a meeting convened by POST …/second-assembly, art. 3.87 §5): the
      // browser's replay then needs no quorum, exactly as the server's.
      secondAssembly: s.second_assembly,
      syndicOwnerIds: s.register.syndicOwnerIds,
      // The statutes' raised majorities (art. 3.88 minimums): the offline replay applies them as the server does.
      statutoryMajorities: s.register.statutoryMajorities ?? {},
    } as MeetingSetup,
    serverActs: s.acts as unknown as readonly MeetingAct[],
    fromCache: read.fromCache,
  }
}
