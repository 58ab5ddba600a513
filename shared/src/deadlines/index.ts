export * from './agenda.ts';
export * from './protocol.ts';
export * from './agendaRecord.ts';
export * from './overview.ts';
