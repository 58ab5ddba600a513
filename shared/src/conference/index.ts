export * from './schema.ts';
export * from './state.ts';
export * from './decide.ts';
export * from './plan.ts';
export * from './home.ts';
export * from './person.ts';
export * from './archive.ts';
