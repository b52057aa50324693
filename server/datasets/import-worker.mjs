// Worker bootstrap: load TypeScript through tsx, then the import worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
