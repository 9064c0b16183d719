// Entry of a drafting worker thread: worker threads do not inherit the main thread's TypeScript loader
// (tsx), so it is registered here before the worker's own module loads.
import { register } from 'tsx/esm/api';

register();
await import('./draft-worker.ts');
