export * from './berlinTime.ts';
export * from './workingDays.ts';
