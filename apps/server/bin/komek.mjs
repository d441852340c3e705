#!/usr/bin/env node
// The command line runs its TypeScript as written: the loader is registered before it is read.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
