/**
 * Importing a district group's WhatsApp export of BENCH_MESSAGES messages (default 50,000, about
 * two years of a busy group) through the real route: once into an empty group, then the same file
 * again (every message already there). On PGlite in this process, or on the PostgreSQL server in
 * BENCH_DATABASE_URL (`npm run bench:messenger` runs both). Peak memory is the process's maximum
 * resident set, so each database runs in a process of its own.
 */

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { readChatExport } from '../apps/server/src/modules/messenger/chat-export.ts';
import { rng } from '../apps/server/src/seed/population.ts';
import { createTestApp } from '../apps/server/src/test/harness.ts';
import { measure } from './stats.ts';

const count = Number(process.env.BENCH_MESSAGES ?? 50_000);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const backend = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

const STAFF = ['Нургуль Ташиева (юрист)', 'Бакыт Осмонов', 'Айпери Садыкова (юрист)'];
const MEMBERS = ['Азамат Жолдошев (айыл окмоту)', 'Гүлнара Токтосунова', 'Темир Усенов', 'Мирлан Асанов'];
const NAMES = [
  'Гулнара',
  'Айгүл',
  'Жыргал',
  'Эркин',
  'Дилноза',
  'Фарид',
  'Омурбек',
  'Айнура',
  'Шерзод',
  'Малика',
];
const QUESTIONS = [
  'Здравствуйте. У моего сына нет свидетельства о рождении, родился дома. Что делать?',
  'Саламатсызбы! Паспортумдун мөөнөтү бүттү, Россияда жүрөм. Кантип жаңыртам?',
  'Меня зовут {name}, мужа задержали на границе вчера вечером. Позвоните пожалуйста {phone}',
  'Менин атым {name}. Жарандыгым жок, кайда кайрылам?',
  'Как получить справку о проживании для лица без гражданства?',
  'Assalomu alaykum. Onamning pasporti yoʻq, 1990-yilda tugʻilgan. Nima qilish kerak?',
];
const ANSWERS = [
  '{name}, приходите в приёмную во вторник, с паспортом.',
  'Консулдукка кайрылыңыз, же {phone} номерине чалыңыз.',
  'Нужна справка из ФАП или показания двух свидетелей.\nПриходите с паспортом матери.\nПриём с 9 до 17.',
  'Дежурный юрист уже звонит вам.',
];

function generateExport(n: number): string {
  const next = rng(2026).next;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const phone = () =>
    `+996 ${500 + Math.floor(next() * 300)} ${String(Math.floor(next() * 1e6)).padStart(6, '0')}`;
  const publicWriters = Array.from({ length: 400 }, phone);
  const fill = (text: string) => text.replace('{name}', pick(NAMES)).replace('{phone}', phone());
  const lines: string[] = [];
  let at = Date.UTC(2025, 0, 6, 9, 0);
  for (let i = 0; i < n; i++) {
    at += Math.floor(next() * 40) * 60_000;
    const d = new Date(at);
    const stamp = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    const roll = next();
    if (roll < 0.01) lines.push(`${stamp} - ${pick(STAFF)} добавил(а) ${phone()}`);
    else if (roll < 0.04) lines.push(`${stamp} - ${pick(STAFF)}: <Без медиафайлов>`);
    else if (roll < 0.45) lines.push(`${stamp} - ${pick(publicWriters)}: ${fill(pick(QUESTIONS))}`);
    else if (roll < 0.8) lines.push(`${stamp} - ${pick(STAFF)}: ${fill(pick(ANSWERS))}`);
    else lines.push(`${stamp} - ${pick(MEMBERS)}: ${fill(pick(QUESTIONS))}`);
  }
  return `${lines.join('\n')}\n`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const chat = generateExport(count);
const bytes = Buffer.from(chat);
const t = await createTestApp();
const org = await t.factory.org();
const user = await t.factory.user(org.id, 'lawyer');
const session = await t.login(user.email);
const send = (method: 'POST', url: string, payload: object) =>
  t.app.inject({ method, url, headers: session.headers, payload });
const group = (
  await send('POST', '/api/messenger/groups', {
    name: 'Bench group',
    platform: 'whatsapp',
    districtId: 'KG-O-KARASUU',
  })
).json();
const baseline = await measure(() => t.db.execute(sql`select 1`), 50, 5);

let started = performance.now();
const parsed = await readChatExport(bytes);
const parseMs = performance.now() - started;

const rssBefore = process.memoryUsage().rss;
const body = { filename: 'WhatsApp Chat.txt', contentBase64: bytes.toString('base64') };
started = performance.now();
const first = await send('POST', `/api/messenger/groups/${group.id}/imports`, body);
const firstMs = performance.now() - started;
if (first.statusCode !== 201) throw new Error(first.body);
const peak = process.resourceUsage().maxRSS * 1024;
started = performance.now();
const again = await send('POST', `/api/messenger/groups/${group.id}/imports`, body);
const againMs = performance.now() - started;

console.log(
  `\n${backend} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${mb(os.totalmem())} · ${new Date().toISOString().slice(0, 10)}`,
);
console.log(`export: ${parsed.messages.length.toLocaleString('en')} messages, ${mb(bytes.length)} of text`);
console.log(`baseline select 1: p50 ${baseline.p50.toFixed(2)} ms`);
console.log(`read the file alone (no database): ${s(parseMs)}`);
console.log(
  `import into an empty group: ${s(firstMs)} (${JSON.stringify({ added: first.json().added, newAuthors: first.json().newAuthors })})`,
);
console.log(
  `the same export again: ${s(againMs)} (added ${again.json().added}, already there ${again.json().alreadyThere})`,
);
console.log(
  `resident memory: ${mb(rssBefore)} before, peak ${mb(peak)} (the process, ${backend === 'PGlite' ? 'database included' : 'database apart'})`,
);
console.log(`ratio import ÷ select 1: ${(firstMs / baseline.p50).toFixed(0)}×`);
await t.close();
