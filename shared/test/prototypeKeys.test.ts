import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evolve, isViolation, type Actor, type MeetingState } from '../src/index.ts';
import { expectRefusal } from './support/refusal.ts';
import { chair, member, office, openSessionWith, system } from './support/scenario.ts';

/**
 * No lookup through the prototype: an id that names a property of Object.prototype ("__proto__",
 * "constructor", …) is neither a participant, nor an item, nor a vote. The id schema reserves
 * these names, and every lookup of state by id asks for the record's own keys.
 */
const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

const withVote = openSessionWith(12);
const voteId = withVote.openVote({ kind: 'resolution', itemId: 'item-proposal' });
const withoutVote = openSessionWith(12);

type Kind = 'participant' | 'item' | 'vote' | 'transfer';
const known = (s: MeetingState, kind: Kind, id: string): boolean => {
  switch (kind) {
    case 'participant': return Object.hasOwn(s.participants, id);
    case 'item': return s.agenda.some((i) => i.id === id);
    case 'vote': return Object.hasOwn(s.votes, id);
    case 'transfer': return s.transfers.some((t) => t.id === id);
  }
};

/** Commands that name one participant, item, vote or transfer, with an actor allowed to send them. */
const NAMING: { kind: Kind; actor: Actor; command: (id: string) => unknown }[] = [
  { kind: 'participant', actor: office, command: (id) => ({ type: 'checkIn', mode: 'room', participantId: id }) },
  { kind: 'participant', actor: office, command: (id) => ({ type: 'checkOut', participantId: id }) },
  { kind: 'participant', actor: chair, command: (id) => ({ type: 'giveFloor', participantId: id }) },
  { kind: 'participant', actor: chair, command: (id) => ({ type: 'requestFloor', participantId: id }) },
  { kind: 'participant', actor: system, command: (id) => ({ type: 'announceStaff', name: 'Referent', accompanies: id }) },
  { kind: 'vote', actor: member('BE'), command: (id) => ({ type: 'castVote', voteId: id, land: 'BE', choice: 'yes' }) },
  { kind: 'vote', actor: system, command: (id) => ({ type: 'castVote', voteId: id, land: 'BE', choice: 'yes' }) },
  { kind: 'vote', actor: chair, command: (id) => ({ type: 'closeVote', voteId: id }) },
  { kind: 'vote', actor: chair, command: (id) => ({ type: 'cancelVote', voteId: id }) },
  { kind: 'item', actor: office, command: (id) => ({ type: 'editAgendaItem', itemId: id, item: { title: 'Neu' } }) },
  { kind: 'item', actor: office, command: (id) => ({ type: 'removeAgendaItem', itemId: id }) },
  { kind: 'item', actor: office, command: (id) => ({ type: 'setItPlrCoordination', itemId: id, state: 'agreed' }) },
  { kind: 'item', actor: chair, command: (id) => ({ type: 'setCurrentItem', itemId: id }) },
  { kind: 'item', actor: chair, command: (id) => ({ type: 'noteReport', itemId: id }) },
  { kind: 'item', actor: chair, command: (id) => ({ type: 'openVote', motion: { kind: 'resolution', itemId: id } }) },
  { kind: 'item', actor: member('BE'), command: (id) => ({ type: 'addDeclaration', itemId: id, text: 'Erklärung' }) },
  { kind: 'item', actor: office, command: (id) => ({ type: 'inviteGuest', name: 'Gast', guestKind: 'itemGuest', itemIds: [id] }) },
  { kind: 'item', actor: system, command: (id) => ({ type: 'transferVote', from: 'BE', to: 'BB', scope: { kind: 'items', itemIds: [id] } }) },
  { kind: 'transfer', actor: system, command: (id) => ({ type: 'revokeTransfer', transferId: id }) },
];

const anyId = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/),
  fc.string({ maxLength: 80 }),
);

describe('F3: no lookups through the prototype', () => {
  it('F3: the office checking in "__proto__" is refused at parse (reserved id), nothing is written', () => {
    const r = withoutVote.attempt({ type: 'checkIn', mode: 'room', participantId: '__proto__' }, office);
    expectRefusal(r, 'command.invalid');
  });

  it('F3: the chair giving the floor to "constructor" is refused; nobody called Object speaks', () => {
    const r = withoutVote.attempt({ type: 'giveFloor', participantId: 'constructor' }, chair);
    expectRefusal(r, 'command.invalid');
  });

  it('F3: every property name of Object.prototype is refused as a participant, item and vote id', () => {
    for (const name of PROTOTYPE_NAMES) {
      for (const { command, actor } of NAMING) expect(isViolation(withVote.attempt(command(name), actor)), `${name}`).toBe(true);
    }
  });

  it('F3: evolve ignores an event that names a prototype property as participant or vote (state unchanged)', () => {
    const s = withVote.state;
    const at = '2024-04-19T12:00:00.000Z';
    const by = { role: 'system' as const, participantId: null };
    expect(evolve(s, { type: 'ParticipantCheckedIn', at, by, participantId: 'constructor', mode: 'room', via: null })).toBe(s);
    expect(evolve(s, { type: 'RecordingConsentGiven', at, by, participantId: 'toString' })).toBe(s);
    expect(evolve(s, { type: 'VoteCancelled', at, by, voteId: 'hasOwnProperty' }).votes).toBe(s.votes);
  });

  it('F3: property — no id string makes decide accept a command that names an unknown participant, item, vote or transfer (300 runs)', () => {
    fc.assert(fc.property(anyId, fc.constantFrom(...NAMING), fc.boolean(), (id, { kind, actor, command }, voteOpen) => {
      const s = voteOpen ? withVote : withoutVote;
      fc.pre(!known(s.state, kind, id));
      const r = s.attempt(command(id), actor);
      expect(isViolation(r), `${JSON.stringify(command(id))} accepted`).toBe(true);
    }), { numRuns: 300 });
  });

  it('F3: the same commands with known ids are accepted (the property above is not refusing everything)', () => {
    const open = withVote.fork();
    expect(isViolation(open.attempt({ type: 'castVote', voteId, land: 'BE', choice: 'yes' }, member('BE')))).toBe(false);
    expect(isViolation(open.attempt({ type: 'giveFloor', participantId: 'm-BE' }, chair))).toBe(false);
    expect(isViolation(open.attempt({ type: 'setItPlrCoordination', itemId: 'item-proposal', state: 'agreed' }, office))).toBe(false);
  });
});
