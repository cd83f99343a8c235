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
  const serverState = s.state as { quorum?: { rule?: string } } | null
  const wire = s as typeof s & { second_assembly?: boolean }
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
      // The session does not name it (yet): the server's own replay says it through the quorum
      // rule, exactly while nobody is checked in (the case when the room is prepared).
      secondAssembly:
        typeof wire.second_assembly === 'boolean'
          ? wire.second_assembly
          : serverState?.quorum?.rule === 'second_assembly',
      syndicOwnerIds: s.register.syndicOwnerIds,
    } as MeetingSetup,
    serverActs: s.acts as unknown as readonly MeetingAct[],
    fromCache: read.fromCache,
  }
}
