export * from './schema.ts';
export * from './state.ts';
export * from './evolve.ts';
export * from './decide.ts';
export * from './assignments.ts';
export * from './render.ts';
export * from './compare.ts';
