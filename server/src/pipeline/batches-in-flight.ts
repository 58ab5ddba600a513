/**
 * How many command batches of this process are queued or being decided and committed. The
 * follower fan-out yields to them between its slices (server/src/socket/follower-fanout.ts), so
 * a delegate's ack and the chair's tally never wait behind a pass over thousands of followers:
 * the commit (and with SQLite its fsync, shared by every stream's batch of that turn) goes first.
 */
let inFlight = 0;

export const batchesInFlight = {
  begin(): void { inFlight += 1; },
  end(): void { inFlight -= 1; },
  get any(): boolean { return inFlight > 0; },
};
