// A worker thread does not inherit a TypeScript loader registered at run time (bin/heitu.mjs
// registers tsx that way), so this entry registers it before loading the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./reader-worker.ts');
