export * from './agenda.ts';
export * from './protocol.ts';
