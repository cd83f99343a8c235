/*
 * (Lives in shared/ beside assembly-events.ts: the shared kernel may not import a context.)
 * The convocation side's events (issue #14): each with its audit action and entity, spread into
 * DOMAIN_EVENTS and AUDIT_ACTIONS with one line each (in shared/: the kernel imports no context). Entities are the existing
 * 'building' and 'meeting': a setting, request or mandate is about its building.
 */
export const CONVOCATION_EVENTS = {
  AssemblySettingsUpdated: ['building.assembly_settings_update', 'building'],
  AssemblyRequested: ['building.assembly_request', 'building'],
  BoardMandateRecorded: ['building.board_mandate_create', 'building'],
  BoardMandateUpdated: ['building.board_mandate_update', 'building'],
  BoardMandateDeleted: ['building.board_mandate_delete', 'building'],
  ConvocationSent: ['meeting.convocation_send', 'meeting'],
  SecondAssemblyConvened: ['meeting.second_assembly', 'meeting'],
  MinutesGenerated: ['meeting.minutes_generate', 'meeting'],
} as const
