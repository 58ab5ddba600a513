export * from './schema.ts';
export * from './state.ts';
export * from './evolve.ts';
export * from './decide.ts';
export * from './parse.ts';
export * from './context.ts';
export * from './extraordinary.ts';
