import type { Invitation } from '../store/invitation-store.ts';

/** Roles that take part between sessions (R-CHR-2 office; members and deputies as delegates). */
const PARTICIPANT_ROLES = new Set<Invitation['role']>(['office', 'chair', 'delegate']);
/**
 * Stream kinds whose id is a meeting id (the results protocol R-PRT-2/3, the agenda record
 * R-AGD-6): they belong to that meeting.
 */
const MEETING_STREAMS = new Set(['protocol', 'agenda']);

/**
 * The one place that says which between-sessions streams an invitation may read and act on.
 * Meeting-keyed streams: only the invitations that open that meeting (its own, or a conference
 * invitation of a person with a role in it), for reading, listing and acting.
 * Conference-wide streams (circulars, extraordinary-session requests, the follow-up record): every
 * participant of the conference; a Land's answer is still bound to its own Land by the decider.
 */
export function mayUseStream(invitation: Invitation, meetings: ReadonlySet<string>, kind: string, streamId: string): boolean {
  if (!PARTICIPANT_ROLES.has(invitation.role)) return false;
  return !MEETING_STREAMS.has(kind) || meetings.has(streamId);
}

/**
 * F6: may this invitation send commands to the stream? Besides mayUseStream: the conference-wide
 * procedures (circulars, extraordinary-session requests, the follow-up record, the conference's
 * own stream) are run by the office of the conference, i.e. an office whose invitation is
 * conference-wide. The office of a single meeting may read them, but neither start nor run them
 * (a delegate of any meeting still answers a circular for its own Land, bound by the decider).
 * `conferenceOfficeExists`: a data folder from before conference invitations has no conference
 * office yet; there a meeting's office keeps running them, as it did.
 */
export function mayActOnStream(
  invitation: Invitation, meetings: ReadonlySet<string>, kind: string, streamId: string, conferenceOfficeExists: boolean,
): boolean {
  if (!mayUseStream(invitation, meetings, kind, streamId)) return false;
  if (invitation.role === 'office' && !MEETING_STREAMS.has(kind)) return runsConferenceProcedures(invitation, conferenceOfficeExists);
  return true;
}

/** The office that starts and runs the conference-wide procedures (what /api/me tells the client). */
export const runsConferenceProcedures = (invitation: Invitation, conferenceOfficeExists: boolean): boolean =>
  invitation.role === 'office' && (invitation.scope === 'conference' || !conferenceOfficeExists);

/** A live office invitation for the whole conference exists (the office of the conference). */
export const isConferenceOffice = (i: Invitation) => i.role === 'office' && i.scope === 'conference' && !i.revokedAt;

/** `conferenceOfficeExists` for an invitation: looked up (the conference's invitations) only for a meeting's office, the one case it decides. */
export async function conferenceOfficeExistsFor(invitation: Invitation, conferenceInvitations: () => Promise<Invitation[]>): Promise<boolean> {
  return invitation.role === 'office' && invitation.scope !== 'conference' ? (await conferenceInvitations()).some(isConferenceOffice) : true;
}

/**
 * R-AGR-1: the room screen of an Arbeitsgremium meeting shows the bracket being called and who
 * holds what, so it reads the drafts; no other between-sessions stream, and it never acts on one.
 */
const screenReads = (invitation: Invitation, kind: string) => invitation.role === 'screen' && kind === 'draft';

/** May read the stream: a participant as mayUseStream says, or the room screen a draft. */
export function mayReadStream(invitation: Invitation, meetings: ReadonlySet<string>, kind: string, streamId: string): boolean {
  return mayUseStream(invitation, meetings, kind, streamId) || screenReads(invitation, kind);
}

/** May list streams of this kind at all (the list is then filtered with mayReadStream). */
export const mayListStreams = (invitation: Invitation, kind: string) => PARTICIPANT_ROLES.has(invitation.role) || screenReads(invitation, kind);
