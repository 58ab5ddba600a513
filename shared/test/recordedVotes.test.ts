import { describe, expect, it } from 'vitest';
import { buildResultsProtocol, liveTally, publicationOf, renderProtocolMarkdown, type Actor, type MeetingEvent } from '../src/index.ts';
import { accepted, expectRefusal } from './support/refusal.ts';
import { chair, member, office, openSessionWith, system } from './support/scenario.ts';
import { oralSession } from './support/oralSession.ts';

/**
 * R-VOT-7: a Land's vote declared orally (show of hands, roll call), recorded by the chair or the
 * office at the chair's side, in the same slot as a device vote (R-MEM-2). The first 12 Länder
 * (BW … SL) are present; SN, ST, SH, TH are not.
 */
const screen: Actor = { role: 'screen', participantId: null };
const guest: Actor = { role: 'guest', participantId: 'guest-bund' };
const item = { kind: 'resolution', itemId: 'item-proposal', paragraph: null };

function session() {
  const s = openSessionWith(12);
  s.run({ type: 'inviteGuest', name: 'Bundesministerium', guestKind: 'federalMinister', participantId: 'guest-bund' }, office);
  s.run({ type: 'checkIn', mode: 'room' }, guest);
  return s;
}
const record = (voteId: string, land: string, choice: string, mode = 'showOfHands') => ({ type: 'recordVote', voteId, land, choice, mode });
const cast = (events: MeetingEvent[]) => {
  const e = events.find((x) => x.type === 'VoteCast');
  if (!e || e.type !== 'VoteCast') throw new Error('no VoteCast');
  return e;
};

describe('R-VOT-7: votes declared orally, recorded by the chair', () => {
  it('R-VOT-7: the chair records BE by show of hands; the entry says who recorded it and how; it counts', () => {
    const s = session();
    const voteId = s.openVote(item);
    const e = cast(s.run(record(voteId, 'BE', 'yes'), chair));
    expect(e).toMatchObject({ land: 'BE', castBy: 'BE', choice: 'yes', oral: 'showOfHands', participantId: 'chair', by: { role: 'chair' }, conflict: false });
    expect(s.state.votes[voteId].ballots.BE).toMatchObject({ choice: 'yes', oral: 'showOfHands', participantId: 'chair' });
    // The office, at the chair's side, records by roll call.
    expect(cast(s.run(record(voteId, 'BY', 'no', 'rollCall'), office))).toMatchObject({ land: 'BY', oral: 'rollCall', participantId: 'office', by: { role: 'office' } });
    expect(liveTally(s.state.votes[voteId])).toMatchObject({ yes: 1, no: 1, base: 12 });
    const closed = s.closeVote(voteId);
    expect(closed.choices).toMatchObject({ BE: 'yes', BY: 'no' });
    const event = closed.events.find((x) => x.type === 'VoteClosed');
    expect(event?.type === 'VoteClosed' && event.oral).toEqual({ BE: 'showOfHands', BY: 'rollCall' });
  });

  it('R-VOT-7: a vote recorded entirely by the chair decides like device votes (12 present, 9 yes → adopted)', () => {
    const s = session();
    const voteId = s.openVote(item);
    const lands = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL'];
    lands.forEach((land, i) => s.run(record(voteId, land, i < 9 ? 'yes' : 'no', 'rollCall'), chair));
    const { explanation } = s.closeVote(voteId);
    expect(explanation).toMatchObject({ base: 12, yes: 9, no: 3, needed: 8, outcome: 'adopted', rule: 'R-VOT-2' });
  });

  it("R-VOT-7: a transferred vote is recorded in the transferring Land's slot, cast by the holding Land", () => {
    const s = openSessionWith(12);
    s.run({ type: 'transferVote', from: 'BE', to: 'BB', scope: { kind: 'untilRevoked' } }, system);
    const voteId = s.openVote(item);
    expect(s.state.votes[voteId].electorate.BE).toMatchObject({ castBy: 'BB' });
    const e = cast(s.run(record(voteId, 'BE', 'abstain'), chair));
    expect(e).toMatchObject({ land: 'BE', castBy: 'BB', choice: 'abstain', oral: 'showOfHands' });
    expect(s.state.votes[voteId].ballots.BE).toMatchObject({ castBy: 'BB', choice: 'abstain' });
    expect(s.state.votes[voteId].ballots.BB).toBeUndefined();
  });

  it('R-VOT-7: a device vote and a recorded vote that differ are a conflict; the last entry counts, the protocol shows both', () => {
    const s = session();
    const voteId = s.openVote(item);
    s.cast(voteId, 'HE', 'no');
    const recorded = cast(s.run(record(voteId, 'HE', 'yes'), chair));
    expect(recorded.conflict).toBe(true);
    expect(s.state.votes[voteId].ballots.HE).toMatchObject({ choice: 'yes', oral: 'showOfHands', conflict: true });
    expect(liveTally(s.state.votes[voteId])).toMatchObject({ yes: 1, no: 0 });
    // The representative taps again, differently from the record: the device entry is now the last and counts.
    const again = cast(s.run({ type: 'castVote', voteId, land: 'HE', choice: 'abstain' }, member('HE')));
    expect(again).toMatchObject({ oral: null, conflict: true });
    const { choices, events } = s.closeVote(voteId);
    expect(choices.HE).toBe('abstain');
    const closed = events.find((x) => x.type === 'VoteClosed');
    expect(closed?.type === 'VoteClosed' && closed.oral).toEqual({});
    const protocol = buildResultsProtocol(s.state, s.events);
    const he = protocol.items.flatMap((i) => i.votes).find((v) => v.voteId === voteId)?.lands.find((l) => l.land === 'HE');
    expect(he).toMatchObject({ choice: 'abstain', conflict: true, oral: null, changes: 2 });
    expect(protocol.conflicts).toContainEqual(expect.objectContaining({ voteId, land: 'HE' }));
  });

  it('R-VOT-7: a record that agrees with the device clears the conflict; the protocol marks the vote as declared orally', () => {
    const s = session();
    const voteId = s.openVote(item);
    s.cast(voteId, 'HH', 'no');
    expect(cast(s.run(record(voteId, 'HH', 'yes', 'rollCall'), chair)).conflict).toBe(true);
    expect(cast(s.run(record(voteId, 'HH', 'no', 'rollCall'), chair)).conflict).toBe(false);
    s.closeVote(voteId);
    const protocol = buildResultsProtocol(s.state, s.events);
    const hh = protocol.items.flatMap((i) => i.votes).find((v) => v.voteId === voteId)?.lands.find((l) => l.land === 'HH');
    expect(hh).toMatchObject({ choice: 'no', conflict: false, oral: 'rollCall', participantId: 'chair' });
  });

  it('R-VOT-7: delegates, guests and the room screen may not record a vote', () => {
    const s = session();
    const voteId = s.openVote(item);
    expectRefusal(s.attempt(record(voteId, 'BE', 'yes'), member('BE')), 'auth.forbidden');
    expectRefusal(s.attempt(record(voteId, 'BY', 'yes'), member('BE')), 'auth.forbidden');
    expectRefusal(s.attempt(record(voteId, 'BE', 'yes'), guest), 'auth.forbidden');
    expectRefusal(s.attempt(record(voteId, 'BE', 'yes'), screen), 'auth.forbidden');
  });

  it('R-VOT-7: no vote can be recorded for an absent Land, nor for one that left, nor when no vote is open', () => {
    const s = session();
    const voteId = s.openVote(item);
    expectRefusal(s.attempt(record(voteId, 'TH', 'yes'), chair), 'vote.landAbsent', 'R-VOT-7');
    s.run({ type: 'checkOut' }, member('SL'));
    expectRefusal(s.attempt(record(voteId, 'SL', 'yes'), chair), 'vote.landAbsent', 'R-VOT-7');
    s.closeVote(voteId);
    expectRefusal(s.attempt(record(voteId, 'BE', 'yes'), chair), 'vote.closed');
    expectRefusal(s.attempt(record('vote-none', 'BE', 'yes'), chair), 'vote.unknown');
    expectRefusal(s.attempt({ ...record(voteId, 'BE', 'yes'), mode: 'telepathy' }, chair), 'command.invalid');
  });

  it('R-VOT-7 / R-SES-2: attendance by roll call: the chair records who is present and how; a self check-in is not marked', () => {
    const s = openSessionWith(11);
    const events = accepted(s.attempt({ type: 'checkIn', mode: 'remote', participantId: 'd-SN' }, chair));
    s.apply(events);
    expect(s.state.participants['d-SN'].presence).toMatchObject({ mode: 'remote', recordedBy: { role: 'chair', participantId: 'chair' } });
    expect(s.state.participants['m-BW'].presence).toMatchObject({ mode: 'room', recordedBy: null });
  });
});

describe('R-SES-2 / R-VOT-7: attendance by roll call with its channel (video, telephone)', () => {
  it('R-SES-2: the chair records a remote participant by video or telephone; changing the channel is a change, the same again is refused', () => {
    const s = openSessionWith(11);
    const [e] = s.run({ type: 'checkIn', mode: 'remote', via: 'telephone', participantId: 'm-SN' }, chair);
    expect(e).toMatchObject({ type: 'ParticipantCheckedIn', participantId: 'm-SN', mode: 'remote', via: 'telephone' });
    expect(s.state.participants['m-SN'].presence).toMatchObject({ mode: 'remote', via: 'telephone', recordedBy: { role: 'chair' } });
    s.refuse({ type: 'checkIn', mode: 'remote', via: 'telephone', participantId: 'm-SN' }, chair, 'participant.alreadyPresent', 'R-SES-2');
    s.run({ type: 'checkIn', mode: 'remote', via: 'video', participantId: 'm-SN' }, chair);
    expect(s.state.participants['m-SN'].presence).toMatchObject({ mode: 'remote', via: 'video' });
    // A device check-in says only "remote": the channel is then not known.
    s.run({ type: 'checkIn', mode: 'remote' }, member('ST'));
    expect(s.state.participants['m-ST'].presence).toMatchObject({ mode: 'remote', via: null, recordedBy: null });
  });

  it('R-SES-2: a channel with "in the room" is refused (attendance.viaWithoutRemote); an unknown channel is invalid', () => {
    const s = openSessionWith(11);
    s.refuse({ type: 'checkIn', mode: 'room', via: 'video', participantId: 'm-SN' }, chair, 'attendance.viaWithoutRemote', 'R-SES-2');
    s.refuse({ type: 'checkIn', mode: 'remote', via: 'pigeon', participantId: 'm-SN' }, chair, 'command.invalid');
    expect(s.state.participants['m-SN'].presence).toBeNull();
  });

  it('R-SES-2: the protocol names the channel of each stretch and that the chair recorded it', () => {
    const { s } = oralSession();
    const protocol = buildResultsProtocol(s.state, s.events);
    const bw = protocol.lands.find((l) => l.land === 'BW')!.representatives[0];
    expect(bw.attendance[0]).toMatchObject({ mode: 'remote', via: 'video', byRollCall: true });
    const he = protocol.lands.find((l) => l.land === 'HE')!.representatives[0];
    expect(he.attendance[0]).toMatchObject({ mode: 'remote', via: null, byRollCall: false });
    const md = renderProtocolMarkdown(protocol);
    expect(md).toMatch(/\| Baden-Württemberg \| Mitglied BW \(Mitglied\): zugeschaltet per Video \d\d:\d\d–/);
    expect(md).toMatch(/\| Berlin \| Mitglied BE \(Mitglied\): zugeschaltet per Telefon/);
  });
});

describe('R-VOT-7: the protocol says per Land whether its vote came from a device or was declared orally', () => {
  const row = (md: string, land: string) => md.split('\n').find((l) => l.startsWith(`| ${land} |`) && /\| (Ja|Nein|Enthaltung|Yes|No|Abstain|keine Stimme) \|/.test(l));

  it('R-VOT-7: Markdown: "Namentlicher Aufruf, erfasst von Vorsitz" or "am Gerät, abgegeben von …"; the conflict with what did not count', () => {
    const { s, voteId } = oralSession();
    const protocol = buildResultsProtocol(s.state, s.events);
    const lands = protocol.items.flatMap((i) => i.votes).find((v) => v.voteId === voteId)!.lands;
    expect(lands.find((l) => l.land === 'HE')).toMatchObject({
      choice: 'yes', oral: 'rollCall', conflict: true, participantKind: 'chair',
      differing: [{ choice: 'no', oral: null, participantId: 'm-HE', participantName: 'Mitglied HE', participantKind: 'member' }],
    });
    expect(lands.find((l) => l.land === 'BY')).toMatchObject({ choice: 'abstain', oral: null, conflict: true, differing: [{ choice: 'yes', oral: 'rollCall' }] });
    const md = renderProtocolMarkdown(protocol);
    expect(row(md, 'Berlin')).toBe('| Berlin | Ja | Namentlicher Aufruf, erfasst von Vorsitz |');
    expect(row(md, 'Hessen')).toBe('| Hessen | Ja | Namentlicher Aufruf, erfasst von Vorsitz, abweichende Stimmen bei Abstimmungsschluss: nicht gezählt Nein (am Gerät, abgegeben von Mitglied HE) |');
    expect(row(md, 'Bayern')).toBe('| Bayern | Enthaltung | am Gerät, abgegeben von Mitglied BY, abweichende Stimmen bei Abstimmungsschluss: nicht gezählt Ja (Namentlicher Aufruf, erfasst von Vorsitz) |');
    expect(md).toContain('## Abweichende Stimmabgaben eines Landes bei Abstimmungsschluss (R-MEM-2, R-VOT-7)');
    expect(md).toContain('- 5: Hessen – gezählt Ja (Namentlicher Aufruf, erfasst von Vorsitz); nicht gezählt Nein (am Gerät, abgegeben von Mitglied HE)');
    const en = renderProtocolMarkdown(protocol, 'en');
    expect(row(en, 'Berlin')).toBe('| Berlin | Yes | roll call, recorded by Vorsitz |');
    expect(row(en, 'Bavaria')).toContain('| Bavaria | Abstain | on a device, cast by Mitglied BY');
  });

  it('R-VOT-7 / R-PRT-3: the published version keeps device vs oral and the conflict, without personal names', () => {
    const { s } = oralSession();
    const md = renderProtocolMarkdown(publicationOf(buildResultsProtocol(s.state, s.events)));
    expect(row(md, 'Hessen')).toBe('| Hessen | Ja | Namentlicher Aufruf, erfasst von Vorsitz, abweichende Stimmen bei Abstimmungsschluss: nicht gezählt Nein (am Gerät) |');
    expect(row(md, 'Bayern')).toContain('| Bayern | Enthaltung | am Gerät, abweichende');
    expect(md).not.toContain('Mitglied HE');
  });
});
