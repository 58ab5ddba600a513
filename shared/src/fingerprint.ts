/**
 * F4: the short fingerprint of a chain head that participants see: in every vote receipt, on the
 * room screen and in the protocol ("Prüfsumme des Protokolls"). It is the head row's hash, cut to
 * 12 hex digits in groups of four, so anyone can compare it by eye and `npm run verify -- --against`
 * can check it against the log: a re-hashed or truncated log no longer has that hash at that seq.
 * (The receipts showed the first 8 digits of the same hash before; the fingerprint extends them.)
 */
export function headFingerprint(hash: string): string {
  return hash.slice(0, 12).replace(/(.{4})(?=.)/g, '$1-');
}

/** Where in a meeting's log a document was made: the seq of the head row and its fingerprint. */
export interface RecordRef {
  seq: number;
  fingerprint: string;
}
