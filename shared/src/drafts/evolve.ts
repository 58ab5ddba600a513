import type { LandCode } from '../profile.ts';
import type { DraftEvent } from './schema.ts';
import { initialDraftState, type DraftBracket, type DraftState } from './state.ts';

/** The fold of a draft's events. Pure; returns a new state. */
export function evolveDraft(state: DraftState, e: DraftEvent): DraftState {
  const s = { ...state, updatedAt: e.at };
  switch (e.type) {
    case 'DraftCreated':
      return {
        ...s, draftId: e.draftId, title: e.title, leadLand: e.leadLand, assignmentId: e.assignmentId, paragraphs: e.paragraphs,
        createdAt: e.at, counters: { ...s.counters, paragraph: e.paragraphs.length },
      };
    case 'DraftJoined':
      return { ...s, coLands: [...s.coLands.filter((l) => l !== e.land), e.land] };
    case 'DraftLeft':
      return { ...s, coLands: s.coLands.filter((l) => l !== e.land) };
    case 'ParagraphAdded': {
      const at = e.afterParagraphId ? s.paragraphs.findIndex((p) => p.id === e.afterParagraphId) + 1 : s.paragraphs.length;
      const paragraphs = [...s.paragraphs];
      paragraphs.splice(at, 0, { id: e.paragraphId, text: e.text });
      return { ...s, paragraphs, counters: { ...s.counters, paragraph: s.counters.paragraph + 1 } };
    }
    case 'ParagraphEdited':
      return { ...s, paragraphs: s.paragraphs.map((p) => (p.id === e.paragraphId ? { ...p, text: e.text } : p)) };
    case 'PassageBracketed': {
      const bracket: DraftBracket = {
        id: e.bracketId, paragraphId: e.paragraphId, span: e.span, text: e.text, openedBy: e.land, openedAt: e.at,
        holders: { [e.land]: { alternativeId: e.alternativeId, at: e.at } },
        alternatives: e.alternativeId && e.alternative ? [{ id: e.alternativeId, land: e.land, text: e.alternative, at: e.at }] : [],
        agreed: [], status: 'open', resolution: null,
      };
      return {
        ...s, brackets: { ...s.brackets, [e.bracketId]: bracket }, bracketOrder: [...s.bracketOrder, e.bracketId],
        counters: { ...s.counters, bracket: s.counters.bracket + 1, alternative: s.counters.alternative + (e.alternativeId ? 1 : 0) },
      };
    }
    case 'BracketJoined':
      return withBracket(s, e.bracketId, (b) => hold(b, e.land, e.alternativeId, e.at));
    case 'BracketLeft':
      return withBracket(s, e.bracketId, (b) => agree(b, e.land));
    case 'AlternativeProposed':
      return {
        ...withBracket(s, e.bracketId, (b) => hold({ ...b, alternatives: [...b.alternatives, { id: e.alternativeId, land: e.land, text: e.text, at: e.at }] }, e.land, e.alternativeId, e.at)),
        counters: { ...s.counters, alternative: s.counters.alternative + 1 },
      };
    case 'BracketResolved':
      return resolve(s, e);
    case 'BracketCalled':
      return { ...s, call: { bracketId: e.bracketId, answers: {}, at: e.at } };
    case 'BracketCallAnswered': {
      const next = withBracket(s, e.bracketId, (b) => (e.answer === 'agree' ? agree(b, e.land) : hold(b, e.land, b.holders[e.land]?.alternativeId ?? null, e.at)));
      return next.call ? { ...next, call: { ...next.call, answers: { ...next.call.answers, [e.land]: e.answer } } } : next;
    }
    case 'BracketCallEnded':
      return { ...s, call: null };
    case 'VersionCut':
      return { ...s, versions: [...s.versions, { ...e.version, at: e.at, by: e.by }] };
    case 'VersionPutOnAgenda':
      return { ...s, onAgenda: [...s.onAgenda, { version: e.version, meetingId: e.meetingId, itemId: e.itemId, at: e.at }] };
    default: {
      const never: never = e;
      return never;
    }
  }
}

function withBracket(s: DraftState, id: string, fn: (b: DraftBracket) => DraftBracket): DraftState {
  const b = s.brackets[id];
  return b ? { ...s, brackets: { ...s.brackets, [id]: fn(b) } } : s;
}

const hold = (b: DraftBracket, land: LandCode, alternativeId: string | null, at: string): DraftBracket =>
  ({ ...b, holders: { ...b.holders, [land]: { alternativeId, at } }, agreed: b.agreed.filter((l) => l !== land) });

function agree(b: DraftBracket, land: LandCode): DraftBracket {
  const { [land]: _gone, ...holders } = b.holders;
  return { ...b, holders, agreed: [...b.agreed.filter((l) => l !== land), land] };
}

/** The chosen wording replaces the bracketed passage; later spans in the paragraph move with it. */
function resolve(s: DraftState, e: Extract<DraftEvent, { type: 'BracketResolved' }>): DraftState {
  const b = s.brackets[e.bracketId];
  if (!b) return s;
  const paragraph = s.paragraphs.find((p) => p.id === b.paragraphId);
  let brackets = { ...s.brackets, [b.id]: { ...b, status: 'resolved' as const, resolution: { wording: e.wording, text: e.text, agreed: e.agreed, at: e.at } } };
  if (!paragraph) return { ...s, brackets };
  const start = b.span?.start ?? 0;
  const end = b.span?.end ?? paragraph.text.length;
  const text = paragraph.text.slice(0, start) + e.text + paragraph.text.slice(end);
  const delta = e.text.length - (end - start);
  for (const other of Object.values(brackets)) {
    if (other.status !== 'open' || other.paragraphId !== b.paragraphId || !other.span || other.span.start < end) continue;
    brackets = { ...brackets, [other.id]: { ...other, span: { start: other.span.start + delta, end: other.span.end + delta } } };
  }
  return { ...s, brackets, paragraphs: s.paragraphs.map((p) => (p.id === paragraph.id ? { ...p, text } : p)), call: s.call?.bracketId === b.id ? null : s.call };
}

export function evolveDraftAll(events: readonly DraftEvent[]): DraftState {
  return events.reduce(evolveDraft, initialDraftState());
}
