// The recommender's training worker (see trainer.ts). Worker threads do not inherit tsx's TypeScript
// loader: register it, then hand piscina the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { default: train } = await import('./train-worker.ts');
export default train;
