export * from './model.ts';
export * from './publication.ts';
export * from './labels.ts';
export * from './text.ts';
export * from './markdown.ts';
export * from './exampleSession.ts';
export * from './workflow.ts';
