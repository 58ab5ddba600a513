import type { ActorRole } from '@plenum/shared';
import type { PendingCommand, VoteReceipt } from './meetingStore.ts';

/** Who the queue and the receipts belong to: the role and participant a join was answered with. */
export interface Identity {
  role: ActorRole;
  participantId: string | null;
}

export const sameIdentity = (a: Identity, b: Identity) => a.role === b.role && a.participantId === b.participantId;

/**
 * What must survive a reload of the tab, per meeting: commands not yet acknowledged (with their
 * idempotency keys, so a reload mid-vote resends the SAME keys and the server answers with its
 * first answer instead of applying them again) and the vote receipts (R-MEM-2). sessionStorage:
 * per tab, gone when the tab closes, never sent to the server.
 * Always stored with the identity they were made under (known only after a successful join):
 * several people can use one tab (office and chair on one laptop), and an entry without an
 * identity — or the older format that had only a participantId — is not trusted.
 */
export interface Persisted {
  identity: Identity;
  pending: PendingCommand[];
  receipts: Record<string, VoteReceipt>;
}

const PREFIX = 'plenum.meeting.';
const storageKey = (meetingId: string) => `${PREFIX}${meetingId}`;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // blocked storage (some private modes): memory only, as before
  }
}

function isIdentity(value: unknown): value is Identity {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<Identity>;
  return typeof v.role === 'string' && v.role.length > 0 && (v.participantId === null || typeof v.participantId === 'string');
}

function isPersisted(value: unknown): value is Persisted {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<Persisted>;
  return isIdentity(v.identity)
    && Array.isArray(v.pending) && v.pending.every((p) => typeof p?.key === 'string' && typeof p?.command?.type === 'string')
    && !!v.receipts && typeof v.receipts === 'object';
}

export function loadPersisted(meetingId: string): Persisted | null {
  const raw = storage()?.getItem(storageKey(meetingId));
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isPersisted(value) ? value : null;
  } catch {
    return null;
  }
}

export function savePersisted(meetingId: string, value: Persisted): void {
  const s = storage();
  if (!s) return;
  try {
    if (value.pending.length === 0 && Object.keys(value.receipts).length === 0) s.removeItem(storageKey(meetingId));
    else s.setItem(storageKey(meetingId), JSON.stringify(value));
  } catch {
    // quota exceeded or blocked: the in-memory queue still works for this page
  }
}

export function clearPersisted(meetingId: string): void {
  try {
    storage()?.removeItem(storageKey(meetingId));
  } catch {
    // blocked storage: nothing was stored either
  }
}
