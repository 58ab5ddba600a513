import { useStore } from 'zustand';
import type { Command, RollCallCursor } from '@plenum/shared';
import { createMeetingClient, type MeetingClient, type SendResult } from './meetingClient.ts';
import { meetingStore, type MeetingStoreState } from './meetingStore.ts';
import { realSocketFactory } from './realSocket.ts';
import type { SocketFactory } from './socketLike.ts';

export { meetingStore, seedMeetingStore, receiptKey } from './meetingStore.ts';
export type { ConnectionStatus, MeetingStoreState, VoteReceipt, PendingCommand } from './meetingStore.ts';
export type { SendResult } from './meetingClient.ts';
export type { SocketFactory, SocketLike } from './socketLike.ts';

let client: MeetingClient | null = null;
let factory: SocketFactory = realSocketFactory;

/** Tests put an in-memory socket here; the app uses the real one. */
export function setSocketFactory(next: SocketFactory): void {
  factory = next;
}

/** Connects the store to one meeting (one at a time). */
export function connectMeeting(meetingId: string, options: { anonymous?: boolean } = {}): MeetingClient {
  client?.dispose();
  client = createMeetingClient({ meetingId, socketFactory: factory, anonymous: options.anonymous });
  return client;
}

export function disconnectMeeting(): void {
  client?.dispose();
  client = null;
}

/**
 * Sends a command for the connected meeting. Without a connection it cannot even be queued
 * (there is no meeting), so it answers with a coded error the UI translates.
 */
export function send(command: Command): Promise<SendResult> {
  if (!client) return Promise.resolve({ error: { code: 'internal.error' } });
  return client.send(command);
}

/** R-VOT-7 (chair): the Land called now in a roll call (null: the call ended); nothing without a connection. */
export function callLand(cursor: RollCallCursor | null): void {
  client?.call(cursor);
}

/** React binding: select a slice of the meeting store. */
export function useMeeting<T>(selector: (s: MeetingStoreState) => T): T {
  return useStore(meetingStore, selector);
}
