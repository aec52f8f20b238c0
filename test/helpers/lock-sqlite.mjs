// Another process holding a SQLite store's write lock: node lock-sqlite.mjs <file> <ms>.
// Prints "locked" once it holds the lock and "released" after COMMIT.
import { createClient } from '@libsql/client';

const [file, ms] = process.argv.slice(2);
const db = createClient({ url: `file:${file}` });
await db.execute('BEGIN EXCLUSIVE');
console.log('locked');
await new Promise((r) => setTimeout(r, Number(ms)));
await db.execute('COMMIT');
console.log('released');
db.close();
