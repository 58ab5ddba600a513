import { configFromEnv } from './config.ts';
import { startServer } from './app.ts';
import { TamperedLogError } from './verify/start-check.ts';

const server = await startServer(configFromEnv()).catch((err: unknown) => {
  // A log that does not verify: say which row, plainly, and do not serve it.
  if (err instanceof TamperedLogError) {
    console.error(`PLENUM_REFUSED ${err.message}`);
    process.exit(1);
  }
  throw err;
});
// Machine-readable ready line: the crash test and e2e harness wait for it.
console.log(`PLENUM_READY port=${server.port}`);
console.log(`Plenum läuft auf ${server.config.publicUrl}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
