/** The meeting decider: its schema, state, fold, derived facts, counting and decide. */
export * from './schema.ts';
export * from './state.ts';
export * from './stateVersion.ts';
export * from './evolve.ts';
export * from './derive.ts';
export * from './tally.ts';
export * from './authorize.ts';
export * from './decide.ts';
export * from './views.ts';
export * from './rollCallCursor.ts';
