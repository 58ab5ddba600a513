// The example session lives in shared/src/resultsProtocol/exampleSession.ts (the example PDF uses it too).
export { runExampleSession as runDemoSession } from '../src/resultsProtocol/exampleSession.ts';
