import type { LandCode } from '../../src/index.ts';
import { chair, landCodes, member, scheduledSession, type Scenario } from './scenario.ts';

/**
 * R-VOT-7 / R-SES-2: a telephone and video conference whose attendance the chair takes by roll
 * call (12 Länder: BW … SL; BW and BY by video, the others by telephone; HE's member checks in
 * from a phone instead), then one vote on TOP 5: HE's member taps "Nein" on the device and the
 * chair's roll call records "Ja" for every Land — so HE's slot is a conflict, and the chair's
 * entry counts; BY's member corrects the chair's record afterwards from the device (that counts).
 */
export const ORAL_LANDS: LandCode[] = landCodes().slice(0, 12);

export function oralSession(): { s: Scenario; voteId: string } {
  const s = scheduledSession();
  for (const land of ORAL_LANDS) {
    if (land === 'HE') s.run({ type: 'checkIn', mode: 'remote' }, member('HE'));
    else s.run({ type: 'checkIn', mode: 'remote', via: land === 'BW' || land === 'BY' ? 'video' : 'telephone', participantId: `m-${land}` }, chair);
  }
  s.openSession();
  const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal', paragraph: null });
  s.cast(voteId, 'HE', 'no');
  for (const land of ORAL_LANDS) s.run({ type: 'recordVote', voteId, land, choice: 'yes', mode: 'rollCall' }, chair);
  s.cast(voteId, 'BY', 'abstain');
  s.closeVote(voteId);
  return { s, voteId };
}
