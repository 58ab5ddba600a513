import { describe, expect, it } from 'vitest';
import { chair, member, openSessionWith } from './support/scenario.ts';

describe('speakers list', () => {
  it('requests queue in order without duplicates; giveFloor takes the next in line', () => {
    const s = openSessionWith(3);
    s.run({ type: 'requestFloor' }, member('BW'));
    s.run({ type: 'requestFloor' }, member('BY'));
    s.refuse({ type: 'requestFloor' }, member('BW'), 'floor.alreadyRequested');
    expect(s.state.speakers.queue.map((q) => q.participantId)).toEqual(['m-BW', 'm-BY']);
    expect(s.run({ type: 'giveFloor' }, chair)).toMatchObject([{ type: 'FloorGiven', participantId: 'm-BW' }]);
    expect(s.run({ type: 'giveFloor' }, chair)).toMatchObject([{ type: 'FloorEnded', participantId: 'm-BW' }, { type: 'FloorGiven', participantId: 'm-BY' }]);
    s.refuse({ type: 'giveFloor' }, chair, 'floor.queueEmpty');
    s.run({ type: 'endFloor' }, chair);
    s.refuse({ type: 'endFloor' }, chair, 'floor.noneActive');
  });
  it('withdraw removes the request; the chair may give the floor to a named participant', () => {
    const s = openSessionWith(3);
    s.run({ type: 'requestFloor' }, member('BW'));
    s.run({ type: 'withdrawFloorRequest' }, member('BW'));
    s.refuse({ type: 'withdrawFloorRequest' }, member('BW'), 'floor.notRequested');
    expect(s.run({ type: 'giveFloor', participantId: 'm-BE' }, chair)).toMatchObject([{ type: 'FloorGiven', participantId: 'm-BE' }]);
  });
  it('a delegate cannot put someone else on the list → auth.forbidden; checking out leaves the list', () => {
    const s = openSessionWith(3);
    s.refuse({ type: 'requestFloor', participantId: 'm-BY' }, member('BW'), 'auth.forbidden');
    s.run({ type: 'requestFloor' }, member('BY'));
    expect(s.run({ type: 'checkOut' }, member('BY')).map((e) => e.type)).toEqual(['FloorRequestWithdrawn', 'ParticipantCheckedOut']);
    expect(s.state.speakers.queue).toEqual([]);
  });
});
