// Another process writing to a SQLite store, failing at once if the file is locked:
// node write-sqlite.mjs <file>. Prints "written" or the error.
import { createClient } from '@libsql/client';

const db = createClient({ url: `file:${process.argv[2]}` });
try {
  await db.execute("INSERT INTO SeenEvent (key) VALUES ('outside-writer-" + Date.now() + "')");
  console.log('written');
} catch (error) {
  console.log(`failed: ${error.message}`);
} finally {
  db.close();
}
