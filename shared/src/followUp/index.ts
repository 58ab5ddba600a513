export * from './followUp.ts';
