import { ChatExportError, type ChatMessage, localTime } from './chat-message.ts';

/*
 * WhatsApp's "Export chat" text, as Android and iOS write it in the region's phone settings:
 *   Android  31.12.2020, 22:15 - Айбек: текст            12/31/20, 10:15 PM - Aibek: text
 *   iOS      [31.12.20, 22:15:03] Айбек: текст           [12/31/20, 10:15:03 PM] Aibek: text
 * The date's order is not written in the file: it is read from the file as a whole (a first
 * number over 12 is a day, a second over 12 is a day, a 12-hour clock is the US order).
 */

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})\2(\d{1,4}),?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?`;
const MERIDIEM = String.raw`(?:[\s\u202f\u00a0]*([AaPp]\.?\s?[Mm]\.?|[ДдПп][Пп]|до полудня|после полудня))?`;
const ANDROID = new RegExp(String.raw`^\u200e?${DATE}${MERIDIEM}\s[-–]\s(.*)$`);
const IOS = new RegExp(String.raw`^\u200e?\[${DATE}${MERIDIEM}\]\s(.*)$`);

/** Whole-message placeholders that stand for a photo, voice note or file, in the phones' languages. */
const MEDIA = [
  /^<[^<>]{2,80}>$/, // Android: <Media omitted>, <Без медиафайлов>, <attached: 00000012-PHOTO-….jpg>
  /\s(omitted|отсутствует|жок|yoʻq|yo'q|нест)$/i, // iOS: image omitted, изображение отсутствует
  /\((file attached|файл добавлен|файл тиркелди|fayl biriktirildi)\)$/i, // Android, exported with media
];

interface Stamp {
  line: number;
  a: number;
  separator: string;
  b: number;
  c: number;
  hour: number;
  minute: number;
  second: number;
  meridiem: 'am' | 'pm' | null;
  rest: string;
  /** iOS marks its own lines (encryption notice, media) with a left-to-right mark after the colon. */
  ios: boolean;
}

function meridiemOf(raw: string | undefined): Stamp['meridiem'] {
  if (!raw) return null;
  const m = raw.toLowerCase().replace(/[.\s]/g, '');
  if (m === 'am' || m === 'a' || m === 'дп' || m === 'дополудня') return 'am';
  return 'pm';
}

function readStamp(text: string, line: number): Stamp | null {
  const android = ANDROID.exec(text);
  const match = android ?? IOS.exec(text);
  if (!match) return null;
  const [, a, separator, b, c, hour, minute, second, meridiem, rest] = match;
  return {
    line,
    a: Number(a),
    separator: separator!,
    b: Number(b),
    c: Number(c),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    meridiem: meridiemOf(meridiem),
    rest: rest!,
    ios: !android,
  };
}

/** Day first or month first, for the whole file: the first date that can be read one way only decides. */
function dayFirst(stamps: Stamp[]): boolean {
  const dated = stamps.filter((s) => s.a < 100);
  const decisive = dated.find((s) => s.a > 12 || s.b > 12);
  if (decisive) return decisive.a > 12;
  if (dated.some((s) => s.separator === '.')) return true;
  return !stamps.some((s) => s.meridiem !== null);
}

function toLocalTime(s: Stamp, isDayFirst: boolean): string {
  let year: number;
  let month: number;
  let day: number;
  if (s.a >= 100) [year, month, day] = [s.a, s.b, s.c];
  else {
    year = s.c < 100 ? 2000 + s.c : s.c;
    [day, month] = isDayFirst ? [s.a, s.b] : [s.b, s.a];
  }
  let hour = s.hour;
  if (s.meridiem) {
    if (hour < 1 || hour > 12) throw new ChatExportError(s.line, 'an hour past 12 with AM or PM');
    hour = (hour % 12) + (s.meridiem === 'pm' ? 12 : 0);
  }
  if (month > 12) throw new ChatExportError(s.line, 'a date in another order than the rest of the file');
  return localTime(s.line, { year, month, day, hour, minute: s.minute, second: s.second });
}

function classify(s: Stamp): Pick<ChatMessage, 'author' | 'text' | 'kind'> {
  // iOS writes its notices as if the group said them, behind a left-to-right mark; the group's
  // name may hold a colon of its own, so the mark, not the first colon, ends the name.
  const marked = s.ios ? s.rest.indexOf(': \u200e') : -1;
  if (marked > 0) {
    const text = s.rest.slice(marked + 3).trim();
    if (MEDIA.some((m) => m.test(text)))
      return {
        author: s.rest
          .slice(0, marked)
          .replace(/\u200e/g, '')
          .trim(),
        text: '',
        kind: 'media',
      };
    return { author: null, text, kind: 'system' };
  }
  const colon = s.rest.indexOf(': ');
  const bare = s.rest.endsWith(':') && !s.rest.slice(0, -1).includes(': ');
  // A writer's name holds no quotation mark; a notice quoting a group's name ("…: …") may.
  const quoted = /["«“]/.test(s.rest.slice(0, Math.max(colon, 0)));
  if ((colon < 1 || colon > 100 || quoted) && !bare)
    return { author: null, text: s.rest.trim(), kind: 'system' };
  const author = (bare ? s.rest.slice(0, -1) : s.rest.slice(0, colon)).replace(/\u200e/g, '').trim();
  const text = (bare ? '' : s.rest.slice(colon + 2)).replace(/\u200e/g, '').trim();
  if (MEDIA.some((m) => m.test(text))) return { author, text: '', kind: 'media' };
  return { author, text, kind: 'message' };
}

export function parseWhatsAppExport(content: string): ChatMessage[] {
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  const stamps: Stamp[] = [];
  const continuations = new Map<Stamp, string[]>();
  lines.forEach((text, i) => {
    const stamp = readStamp(text, i + 1);
    if (stamp) {
      stamps.push(stamp);
      return;
    }
    const last = stamps.at(-1);
    if (!last) {
      if (text.trim()) throw new ChatExportError(i + 1, 'not a line of a WhatsApp chat export');
      return;
    }
    const more = continuations.get(last) ?? [];
    more.push(text);
    continuations.set(last, more);
  });
  if (stamps.length === 0) throw new ChatExportError(1, 'no message in the file');
  const isDayFirst = dayFirst(stamps);
  return stamps.map((s) => {
    const first = classify(s);
    const more = continuations.get(s);
    const text = more ? [first.text, ...more].join('\n').trim() : first.text;
    return {
      line: s.line,
      localTime: toLocalTime(s, isDayFirst),
      ...first,
      text,
      kind: first.kind === 'media' && more?.some((l) => l.trim()) ? 'message' : first.kind,
    };
  });
}
