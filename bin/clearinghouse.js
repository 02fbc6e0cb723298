#!/usr/bin/env node
// The `clearinghouse` command, from a bundle of src/ that is rebuilt whenever the sources change
// (through tsx where the bundle cannot be written).
import { runBundled } from './bundle.js';

await runBundled('cli');
