#!/usr/bin/env node
// The scitex-session command. A file of its own, so that package managers can link it at
// install time, before dist/ is built; the command itself is dist/cli.js.
import '../dist/cli.js';
