import { headFingerprint } from './fingerprint.ts';
import type { Choice } from './model.ts';
import type { LandCode } from './profile.ts';

/**
 * F4: a delegate's vote receipts as a file they keep (downloaded from the phone), to check later
 * against the log with `npm run verify -- --against receipts.json`. Each receipt names the row of
 * the vote (seq), its hash and fingerprint as shown, and the idempotency key of the command when
 * this device sent it. No zod here: the client imports this file; the verifier parses it.
 */
export const RECEIPTS_SCHEMA = 'plenum.receipts/1';

export interface ReceiptsFile {
  schema: typeof RECEIPTS_SCHEMA;
  meetingId: string;
  participantId: string | null;
  exportedAt: string;
  receipts: {
    /** The command's idempotency key (absent when the vote was seen from another device of the same person). */
    key?: string;
    voteId: string;
    land: LandCode;
    choice: Choice;
    seq: number;
    /** The row hash at `seq`, and its short form as shown on the receipt. */
    hash: string;
    fingerprint: string;
    at: string;
  }[];
}

/** The receipts the client holds, in seq order, as the file format. */
export function receiptsFile(
  meetingId: string, participantId: string | null, receipts: readonly { key?: string; voteId: string; land: LandCode; choice: Choice; seq: number; hash: string; at: string }[], exportedAt: string,
): ReceiptsFile {
  return {
    schema: RECEIPTS_SCHEMA, meetingId, participantId, exportedAt,
    receipts: [...receipts].sort((a, b) => a.seq - b.seq).map((r) => ({
      ...(r.key ? { key: r.key } : {}), voteId: r.voteId, land: r.land, choice: r.choice, seq: r.seq, hash: r.hash, fingerprint: headFingerprint(r.hash), at: r.at,
    })),
  };
}
