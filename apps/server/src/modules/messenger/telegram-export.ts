import { ChatExportError, type ChatMessage, localTime } from './chat-message.ts';

/*
 * Telegram Desktop's "Export chat history" in JSON: { name, type, id, messages: [ { id, type:
 * "message" | "service", date: "2020-12-31T22:15:03", date_unixtime, from, text, text_entities,
 * photo | file | media_type … } ] }. `text` is a string, or an array of strings and entities.
 */

type Entity = { type?: string; text?: string };
interface TelegramMessage {
  id?: unknown;
  type?: unknown;
  date?: unknown;
  date_unixtime?: unknown;
  from?: unknown;
  from_id?: unknown;
  text?: unknown;
  text_entities?: unknown;
  photo?: unknown;
  file?: unknown;
  media_type?: unknown;
  sticker_emoji?: unknown;
}

/** The line a position in the text stands on, to name where a JSON file stops being readable. */
const lineAt = (content: string, position: number) => content.slice(0, position).split('\n').length;

function entitiesOf(m: TelegramMessage): Entity[] {
  if (Array.isArray(m.text_entities)) return m.text_entities as Entity[];
  if (Array.isArray(m.text))
    return m.text.map((t) => (typeof t === 'string' ? { type: 'plain', text: t } : t));
  return [];
}

function textOf(m: TelegramMessage): string {
  if (typeof m.text === 'string') return m.text;
  return entitiesOf(m)
    .map((e) => e.text ?? '')
    .join('');
}

const MARKED: Record<string, 'phone' | 'name'> = { phone: 'phone', mention: 'name', mention_name: 'name' };

export function parseTelegramExport(content: string): ChatMessage[] {
  let root: unknown;
  try {
    root = JSON.parse(content.replace(/^\ufeff/, ''));
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    throw new ChatExportError(position ? lineAt(content, Number(position)) : 1, 'not JSON');
  }
  const messages = (root as { messages?: unknown }).messages;
  if (!Array.isArray(messages))
    throw new ChatExportError(1, 'no "messages" list: not a Telegram chat export');
  if (messages.length === 0) throw new ChatExportError(1, 'no message in the file');
  const chatId = String((root as { id?: unknown }).id ?? '');
  return (messages as TelegramMessage[]).map((m, index) => {
    // Exports are indented one message id a line; find it to name the line of a bad message.
    const line = () => {
      const at = content.indexOf(`"id": ${JSON.stringify(m?.id ?? null)}`);
      return at >= 0 ? lineAt(content, at) : 1;
    };
    if (typeof m !== 'object' || m === null || m.id === undefined)
      throw new ChatExportError(1, `message ${index + 1} has no id`);
    const when =
      typeof m.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(m.date) : null;
    if (!when) throw new ChatExportError(line(), 'a message without a readable date');
    const [, year, month, day, hour, minute, second] = when.map(Number) as number[];
    const local = localTime(line(), {
      year: year!,
      month: month!,
      day: day!,
      hour: hour!,
      minute: minute!,
      second: second!,
    });
    const unix = typeof m.date_unixtime === 'string' ? Number(m.date_unixtime) : Number.NaN;
    const text = textOf(m).trim();
    const media = !!(m.photo || m.file || m.media_type || m.sticker_emoji);
    const service = m.type === 'service';
    const author = service ? null : typeof m.from === 'string' && m.from ? m.from : null;
    return {
      line: index + 1,
      localTime: local,
      ...(Number.isFinite(unix) ? { instant: new Date(unix * 1000) } : {}),
      author,
      text,
      kind: service ? 'system' : media && !text ? 'media' : 'message',
      externalId: `tg:${chatId}:${String(m.id)}`,
      marked: entitiesOf(m)
        .filter((e) => e.type && MARKED[e.type] && e.text)
        .map((e) => ({ kind: MARKED[e.type!]!, value: e.text! })),
    } satisfies ChatMessage;
  });
}
