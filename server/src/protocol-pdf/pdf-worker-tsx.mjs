// The PDF worker when the server runs from TypeScript (npm run dev, tests): a worker thread does
// not inherit tsx's loader, so register it before loading the worker. The bundle (npm start)
// ships a compiled pdf-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./pdf-worker.ts');
export default worker.default;
