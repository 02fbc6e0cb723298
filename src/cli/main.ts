import { runCli } from './cli.ts';

// Entry point of `npm run cli -- …` and of bin/clearinghouse.js.
process.exitCode = await runCli(process.argv.slice(2));
