/**
 * Stable codes for every refusal. The client translates them; tests assert them.
 * Never a bare string: add a code here, then its German and English text in the client.
 */
export const VIOLATION_CODES = [
  // input and transport
  'command.invalid', 'command.unknown', 'message.tooLarge', 'rate.limited', 'rate.bytes', 'limit.connections', 'log.tampered', 'idempotency.keyReused',
  'protocol.version', 'internal.error', 'store.unavailable', 'clock.backwards',
  // authentication and authorization
  'auth.required', 'auth.revoked', 'auth.forbidden', 'auth.notEntitled', 'auth.origin',
  // session
  'session.notScheduled', 'session.alreadyScheduled', 'session.notOpen', 'session.alreadyOpen', 'session.closed',
  'session.notPublic',
  // R-SES-1: the conference cancelled the session before it opened
  'session.cancelled',
  // participants and roster
  'participant.unknown', 'participant.exists', 'participant.notPresent', 'participant.alreadyPresent',
  'land.unknown', 'roster.chairPeriod',
  // R-SES-2: a channel (video, telephone) names how someone is connected remotely, never in the room
  'attendance.viaWithoutRemote',
  // agenda
  'item.unknown', 'item.exists', 'item.voteOpen', 'item.notAdmitted', 'item.notShortNotice', 'item.alreadyAdmitted',
  'item.notReport', 'item.reportNoVote', 'item.notBundesrat', 'item.alreadyCleared',
  'agenda.bundesratProcedureRequired', 'paragraph.unknown',
  // votes
  'quorum.notReached', 'vote.alreadyOpen', 'vote.unknown', 'vote.closed', 'vote.notInElectorate',
  'vote.notYourLand', 'vote.heldByTransfer',
  // R-VOT-7: a vote declared orally for a Land (or its holder) not present
  'vote.landAbsent',
  // transfers
  'proxy.self', 'proxy.chainForbidden', 'proxy.alreadyTransferred', 'proxy.unknown', 'proxy.revoked',
  'proxy.voteOpen', 'proxy.itemUnknown',
  // declarations
  'declaration.temporaryDeputy', 'declaration.tooMany',
  // recording
  'recording.consentMissing', 'recording.alreadyActive', 'recording.notActive',
  // speakers
  'floor.alreadyRequested', 'floor.notRequested', 'floor.queueEmpty', 'floor.noneActive',
  // agenda: a report already taken note of (R-AGD-5)
  'item.alreadyNoted',
  // between sessions: circular procedure (R-CIR-1..3)
  'circular.notStarted', 'circular.alreadyStarted', 'circular.chairUnknown', 'circular.notMemberOrPermanentDeputy',
  'circular.periodEnded', 'circular.periodRunning', 'circular.ended', 'circular.notClosed',
  'circular.alreadyCommunicated', 'circular.alreadyPublished', 'circular.notCommunicated',
  // between sessions: extraordinary session requests (R-SES-1)
  'extraordinary.notStarted', 'extraordinary.alreadyStarted', 'extraordinary.alreadyJoined', 'extraordinary.notJoined',
  'extraordinary.closed',
  // between sessions: results protocol workflow and publication (R-PRT-2, R-PRT-3)
  'protocol.sessionNotClosed', 'protocol.alreadySent', 'protocol.notSent', 'protocol.objectionPeriodEnded',
  'protocol.objectionPeriodRunning', 'protocol.objectionsOpen', 'protocol.alreadyApproved', 'protocol.notApproved',
  'protocol.alreadyPublished', 'protocol.objectionUnknown', 'protocol.objectionResolved',
  // between sessions: follow-up and working groups (R-FUP-1, R-FUP-2)
  'followUp.notAdopted', 'followUp.notProposingLand', 'workingGroup.unknown', 'workingGroup.exists', 'workingGroup.closed',
  // agenda: an item's text is fixed once a vote on it was closed (R-VOT-5, R-PRT-1)
  'item.alreadyDecided',
  // agenda: R-AGD-1 rapporteurs and lead Land, R-AGD-5 standing items
  'item.bundRapporteur', 'item.leadLandNotRapporteur', 'item.standingRequired',
  // R-PRT-3: an attachment names a paragraph the item does not have, or repeats another's label
  'attachment.paragraphUnknown', 'attachment.labelTaken',
  // between sessions: GET of a procedure that has no events (HTTP 404)
  'stream.unknown',
  // drafts of the DMK-Arbeitsgremium and bracket papers (R-AGR-1..4)
  'draft.notStarted', 'draft.exists', 'draft.notInArbeitsgremium', 'draft.notLeadLand', 'draft.alreadyJoined',
  'draft.notJoined', 'draft.paragraphBracketed', 'draft.spanInvalid', 'draft.bracketOverlap', 'draft.bracketUnknown',
  'draft.bracketResolved', 'draft.alreadyHolding', 'draft.notHolding', 'draft.alternativeUnknown', 'draft.bracketHeld',
  'draft.noCall', 'draft.versionUnknown', 'draft.alreadyOnAgenda', 'draft.importInvalid',
  'assignment.unknown', 'assignment.exists', 'assignment.alreadySubmitted',
  // conference: agenda periods of extraordinary sessions (R-AGD-6)
  'agenda.shorterPeriodRegular', 'agenda.shorterPeriodOrder',
  // follow-up: only the lead Land records the implementation (R-FUP-1)
  'followUp.notLeadLand',
  // conference: sessions and the chair rotation (R-SES-1, R-CHR-3)
  'chair.deviationNotAgreed', 'conference.sessionUnknown', 'conference.sessionExists', 'conference.notPlanned',
  'conference.basisInvalid', 'conference.requestNotReached', 'conference.requestLinked', 'conference.itemNotCarryable',
  'conference.carryTargetNotLater',
  // the Arbeitsgremium's meetings (R-AGR-1/2) and the next DMK session's agenda (R-AGR-3)
  'session.noVote', 'session.noAgendaProposal', 'session.notArbeitsgremium', 'participant.kindNotInSession',
  'draft.targetNotUpcoming',
  // conference: one personal invitation per person (shown again, reissued, revoked)
  'invitation.exists', 'invitation.notKept',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/**
 * A coded refusal: what every decider returns instead of events. Build one with `violation`, test
 * for one with `isViolation`. On the wire (an ack's `error`, `meeting:error`) it travels without
 * `ok`, as an ErrorPayload.
 */
export interface RuleViolation {
  ok: false;
  code: ViolationCode;
  /** The rule ID behind the refusal, where there is one (e.g. R-VOT-3). */
  rule?: string;
  /** Numbers or names the message needs (e.g. { present: 9, required: 11 }). */
  details?: Record<string, string | number | boolean | null>;
}

export function violation(code: ViolationCode, rule?: string, details?: RuleViolation['details']): RuleViolation {
  return { ok: false, code, ...(rule ? { rule } : {}), ...(details ? { details } : {}) };
}

/** The refusal as it travels to the client. */
export type ErrorPayload = Omit<RuleViolation, 'ok'>;

export function errorPayload({ code, rule, details }: RuleViolation): ErrorPayload {
  return { code, ...(rule ? { rule } : {}), ...(details ? { details } : {}) };
}

export function isViolation(x: unknown): x is RuleViolation {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false && typeof (x as { code?: unknown }).code === 'string';
}
