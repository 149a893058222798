// Worker entry in plain JavaScript: Node 20 does not apply --import loader hooks to a worker's own
// entry module, so register tsx here and then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
