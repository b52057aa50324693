// Worker bootstrap: load TypeScript through tsx, then the columnar read worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
