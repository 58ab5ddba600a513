import { configFromEnv } from './config.ts';
import { startServer } from './app.ts';

const server = await startServer(configFromEnv());
// Machine-readable ready line: the crash test and e2e harness wait for it.
console.log(`PLENUM_READY port=${server.port}`);
console.log(`Plenum läuft auf ${server.config.publicUrl}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
