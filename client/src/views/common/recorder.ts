/**
 * R-VOT-7: who recorded an oral vote. The chair records under her participant id; the office at
 * her side has none and records under its role (shared/src/meeting/ballots.ts `recordVote`).
 */
export const recordedByOffice = (entry: { participantId: string }): boolean => entry.participantId === 'office';
