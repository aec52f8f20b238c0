// npm run bench:postgres-copy -- <sqlite file> <postgres url of the database to (re)create>
// Loads a SQLite store (e.g. the 1× and 10× copies of bench/history-10x.ts) into a brand-new PostgreSQL
// database with the checked-in migrations, row for row, so both stores can be benched on the same data.
// Tables go parent first (foreign keys), 20k rows per INSERT … SELECT FROM UNNEST (one array per column).
import { createClient } from '@libsql/client';
import pg from 'pg';
import { migrate } from '../prisma/store.ts';

const PAGE = 20_000;

async function adminQuery(url: string, sql: string) {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]*(\?|$)/, '/postgres$1') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** The application's tables, each after the tables its foreign keys point at. */
async function tablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)).rows.map((r) => String(r.tablename));
  const edges = (await client.query(`SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f'`)).rows
    .map((r) => ({ child: String(r.child).replace(/"/g, ''), parent: String(r.parent).replace(/"/g, '') }));
  const done: string[] = [];
  const visit = (t: string, path: string[] = []) => {
    if (done.includes(t) || path.includes(t)) return;
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, [...path, t]);
    done.push(t);
  };
  for (const t of tables.sort()) visit(t);
  return done.filter((t) => tables.includes(t));
}

/** Recreates the database at `url`, migrates it and copies every row of the SQLite file into it. */
export async function copySqliteToPostgres(sqliteFile: string, url: string, log: (line: string) => void = console.log): Promise<{ rows: Record<string, number>; seconds: number }> {
  const started = performance.now();
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || name === 'postgres') throw new Error(`refusing to recreate database "${name}"`);
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(url, `CREATE DATABASE ${name}`);
  migrate(url);
  const source = createClient({ url: `file:${sqliteFile}` });
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  const rows: Record<string, number> = {};
  try {
    for (const table of await tablesInOrder(target)) {
      const t = performance.now();
      const columns = (await target.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, [table])).rows
        .map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
      const names = columns.map((c) => `"${c.name}"`).join(', ');
      const arrays = columns.map((c, i) => `$${i + 1}::${c.type === 'timestamp without time zone' ? 'timestamp(3)' : c.type}[]`).join(', ');
      let copied = 0;
      for (let after = -Infinity; ;) {
        const page = (await source.execute({ sql: `SELECT rowid AS "__rowid", ${names} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`, args: [after === -Infinity ? -(2 ** 53) : after] })).rows;
        if (!page.length) break;
        after = Number(page.at(-1)!.__rowid);
        const values = columns.map((c) => page.map((r) => {
          const v = r[c.name];
          if (v === null || v === undefined) return null;
          if (c.type === 'boolean') return Boolean(v);
          if (v instanceof ArrayBuffer) return Buffer.from(v);
          return v;
        }));
        await target.query(`INSERT INTO "${table}" (${names}) SELECT * FROM UNNEST(${arrays})`, values);
        copied += page.length;
        if (page.length < PAGE) break;
      }
      if (columns.some((c) => c.name === 'id' && c.type === 'integer')) {
        await target.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`).catch(() => {});
      }
      rows[table] = copied;
      if (copied) log(`  ${table.padEnd(22)} ${String(copied).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await target.query('ANALYZE');
  } finally {
    source.close();
    await target.end();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, url] = process.argv.slice(2);
  if (!file || !url) {
    console.error('usage: npm run bench:postgres-copy -- <sqlite file> postgres://user@host:5432/<new database>');
    process.exit(2);
  }
  const { seconds } = await copySqliteToPostgres(file, url);
  console.log(`copied in ${seconds.toFixed(1)} s`);
  process.exit(0);
}
