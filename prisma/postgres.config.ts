import { configFor } from './config-base.ts';
export default configFor('postgres');
