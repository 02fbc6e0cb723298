#!/usr/bin/env node
// The `clearinghouse` command. The CLI is TypeScript run by tsx (a runtime dependency, as for
// `npm start`), so there is no build step: register tsx's loader, then run the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
