/**
 * The baseline of `bench:load`: bare Fastify answering the case list's query from the same
 * database, with no sessions, policy, transaction, audit or presenter. What komek adds on top is
 * the ratio the benchmark prints.
 */
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

const LIST = `select id, case_number, status, priority, opened_at from cases where org_id = $1
  order by opened_at desc, id desc limit 25`;

const url = process.env.DATABASE_URL;
const query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> = url
  ? (() => {
      const pool = new pg.Pool({ connectionString: url, max: 10 });
      return (text, values) => pool.query(text, values);
    })()
  : await (async () => {
      const client = await PGlite.create(`${process.env.KOMEK_DATA_DIR}/pglite`);
      return (text, values) => client.query(text, values);
    })();

const app = Fastify();
app.get('/list', async (request) => {
  const { org } = request.query as { org: string };
  return { items: (await query(LIST, [org])).rows };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('Komek is running (bare baseline)');
