import type { ActorRole, ErrorPayload, MeResponse } from '@plenum/shared';

/** The REST surface the server offers the client: who I am (/api/me), invitations. */

export type ApiResult<T> = { data: T } | { error: ErrorPayload };

export interface InvitationRow {
  id: string;
  role: ActorRole;
  participantId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** 'conference': the person's one invitation for every session in which they hold a role. */
  scope?: 'meeting' | 'conference';
  /** F10: how often and when the link was exchanged for a session. */
  redemptions?: number;
  firstRedeemedAt?: string | null;
  lastRedeemedAt?: string | null;
  /** A conference invitation: the sessions its link opens (none once revoked). */
  sessions?: { id: string; title: string; date: string }[];
}

export interface CreatedInvitation {
  id: string;
  url: string;
  token: string;
}

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!res.ok) return { error: json?.error?.code ? json.error : { code: res.status === 401 ? 'auth.required' : res.status === 403 ? 'auth.forbidden' : 'internal.error' } };
    return { data: json as T };
  } catch {
    return { error: { code: 'internal.error' } };
  }
}

export const fetchMe = () => call<MeResponse>('GET', '/api/me');
export const logout = () => call<unknown>('POST', '/api/logout');
export const listInvitations = (meetingId: string) => call<InvitationRow[]>('GET', `/api/meetings/${encodeURIComponent(meetingId)}/invitations`);
export const createInvitation = (meetingId: string, body: { role: ActorRole; participantId?: string; label: string }) =>
  call<CreatedInvitation>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/invitations`, body);
export const revokeInvitation = (id: string) => call<unknown>('DELETE', `/api/invitations/${encodeURIComponent(id)}`);
/** The conference's personal invitations (the conference's office only). */
export const listConferenceInvitations = () => call<InvitationRow[]>('GET', '/api/conference/invitations');
export const createConferenceInvitation = (body: { role: ActorRole; participantId?: string; label: string }) =>
  call<CreatedInvitation>('POST', '/api/conference/invitations', body);
export const showInvitationLink = (id: string) => call<{ id: string; url: string }>('GET', `/api/conference/invitations/${encodeURIComponent(id)}/link`);
/** A data folder from before conference invitations: whether the conference-wide office link exists, and issuing it (a meeting's office). */
export const conferenceOfficeLinkExists = () => call<{ exists: boolean }>('GET', '/api/conference/office-link');
export const createConferenceOfficeLink = () => call<CreatedInvitation>('POST', '/api/conference/office-link', {});
export const reissueInvitation = (id: string) => call<CreatedInvitation & { replaces: string }>('POST', `/api/conference/invitations/${encodeURIComponent(id)}/reissue`, {});
