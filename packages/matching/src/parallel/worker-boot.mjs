// A worker thread does not inherit the TypeScript loader its parent runs under: the comparing
// code is TypeScript, so the loader is registered here before it is imported.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
