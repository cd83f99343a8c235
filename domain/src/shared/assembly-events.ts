/*
 * The general assembly's events (issue #14): agenda items (resolutions), the meeting log synced
 * from the room, and proxies given online. In the shared kernel beside DOMAIN_EVENTS because the
 * kernel imports no context (ADR 0021); spread into DOMAIN_EVENTS and AUDIT_ACTIONS with one line each.
 */

export const ASSEMBLY_AUDIT_ACTIONS = [
  'meeting.resolution_add',
  'meeting.resolution_update',
  'meeting.resolution_delete',
  'meeting.acts_record',
  'meeting.proxy_give',
  'meeting.proxy_revoke',
] as const

export const ASSEMBLY_EVENTS = {
  ResolutionAdded: ['meeting.resolution_add', 'meeting'],
  ResolutionUpdated: ['meeting.resolution_update', 'meeting'],
  ResolutionDeleted: ['meeting.resolution_delete', 'meeting'],
  MeetingActsRecorded: ['meeting.acts_record', 'meeting'],
  ProxyGivenOnline: ['meeting.proxy_give', 'meeting'],
  ProxyRevokedOnline: ['meeting.proxy_revoke', 'meeting'],
} as const
