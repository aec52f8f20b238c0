// The entry of every worker thread started by worker-pool.ts. Worker threads do not inherit tsx's
// TypeScript loader: register it here, then hand piscina the TypeScript task module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { default: task } = await import(workerData.taskModule);
export default task;
