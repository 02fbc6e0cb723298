#!/usr/bin/env node
// `npm start`: the server, from a bundle of src/ that is rebuilt whenever the sources change.
import { runBundled } from './bundle.js';

await runBundled('server');
