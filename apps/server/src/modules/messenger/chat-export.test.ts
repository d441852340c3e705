import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readChatExport } from './chat-export.ts';
import { ChatExportError } from './chat-message.ts';
import { Redactor } from './redaction.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const read = async (bytes: Uint8Array | string) =>
  readChatExport(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
const failure = async (content: string) => {
  try {
    await read(content);
  } catch (error) {
    if (error instanceof ChatExportError) return error;
    throw error;
  }
  throw new Error('read without complaint');
};

describe('WhatsApp chat exports', () => {
  it('reads an Android export in Russian settings: day first, 24 hours, system lines, several lines, media left out', async () => {
    const { format, messages } = await read(fixture('whatsapp-android-ru.txt'));
    expect(format).toBe('whatsapp');
    expect(messages).toHaveLength(13);
    expect(messages.slice(0, 3).map((m) => m.kind)).toEqual(['system', 'system', 'system']);
    expect(messages[3]).toMatchObject({
      line: 4,
      localTime: '2026-03-14T10:17:00',
      author: '+996 770 12 34 56',
      kind: 'message',
    });
    expect(messages[4]!.text).toBe(
      'Здравствуйте! Нужна справка из ФАП или показания двух свидетелей.\nПриходите в приёмную в Кара-Суу во вторник, с паспортом матери.',
    );
    expect(messages[5]).toMatchObject({ author: 'Нургуль Ташиева (юрист)', kind: 'media', text: '' });
    expect(messages.at(-1)).toMatchObject({ localTime: '2026-03-15T19:03:00', text: 'Спасибо' });
  });

  it('reads an iOS export in Kyrgyz settings: seconds, the group’s own notices, attachments', async () => {
    const { messages } = await read(fixture('whatsapp-ios-ky.txt'));
    expect(messages.map((m) => m.kind)).toEqual([
      'system',
      'system',
      'message',
      'message',
      'media',
      'message',
      'message',
    ]);
    expect(messages[0]).toMatchObject({ author: null, localTime: '2026-04-02T08:15:11' });
    expect(messages[3]!.text.split('\n')).toHaveLength(4);
    expect(messages[4]).toMatchObject({ author: 'Бакыт Осмонов', kind: 'media' });
    // 13.04 can only be day first: the whole file is read that way.
    expect(messages[5]).toMatchObject({ localTime: '2026-04-13T14:02:05', author: 'Темир Усенов' });
  });

  it('reads a US-English Android export: month first, a 12-hour clock with a narrow space before PM', async () => {
    const { messages } = await read(fixture('whatsapp-android-en.txt'));
    expect(messages.map((m) => m.localTime)).toEqual([
      '2026-03-14T09:02:00',
      '2026-03-14T09:05:00',
      '2026-03-14T11:40:00',
      '2026-03-14T11:41:00',
      '2026-03-15T13:15:00',
    ]);
    expect(messages[3]!.kind).toBe('media');
  });

  it('reads an Uzbek export with slashes, day first because a day is past 12', async () => {
    const { messages } = await read(fixture('whatsapp-android-uz.txt'));
    expect(messages.map((m) => [m.localTime, m.author])).toEqual([
      ['2026-04-21T16:05:00', 'Dilnoza Yusupova'],
      ['2026-04-21T16:30:00', 'Nurgul Tashieva'],
    ]);
  });

  it('reads a zip exported with media, finding the chat beside the photos', async () => {
    const zip = new JSZip();
    zip.file('_chat.txt', fixture('whatsapp-ios-ky.txt'));
    zip.file('00000012-PHOTO-2026-04-02-09-31-40.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const { format, messages } = await read(await zip.generateAsync({ type: 'uint8array' }));
    expect(format).toBe('whatsapp');
    expect(messages).toHaveLength(7);
  });

  it('names the line it cannot read', async () => {
    expect((await failure('hello\n14.03.2026, 09:02 - A: b')).line).toBe(1);
    expect((await failure('14.03.2026, 09:02 - A: b\n31.02.2026, 09:03 - A: c')).line).toBe(2);
    expect((await failure('3/14/26, 13:02 PM - A: b')).line).toBe(1);
    // 13 as a month, once the file is known to be month first.
    expect((await failure('12/31/26, 9:02 - A: b\n13/01/26, 9:03 - A: c')).message).toMatch(/line 2/);
    expect((await failure('')).line).toBe(1);
    expect((await failure('\xff\xfe')).message).toMatch(/line 1/);
  });
});

describe('Telegram Desktop exports', () => {
  it('reads the JSON: service messages, entity arrays, photos, ids and exact instants', async () => {
    const { format, messages } = await read(fixture('telegram-ky.json'));
    expect(format).toBe('telegram');
    expect(messages.map((m) => m.kind)).toEqual(['system', 'message', 'message', 'media', 'message']);
    expect(messages[2]).toMatchObject({
      author: 'Бакыт Осмонов',
      text: 'Жыргал, +996 779 11 22 33 номерине чалыңыз, же @batken_legal жазыңыз.',
      externalId: 'tg:1712345678:3',
      localTime: '2026-05-06T10:40:02',
      marked: [
        { kind: 'phone', value: '+996 779 11 22 33' },
        { kind: 'name', value: '@batken_legal' },
      ],
    });
    expect(messages[2]!.instant!.toISOString()).toBe('2026-05-06T04:40:02.000Z');
  });

  it('names the line of broken JSON and of a message without a date', async () => {
    const broken = fixture('telegram-ky.json').toString().replace('"id": 3,', '"id": 3');
    expect((await failure(broken)).line).toBe(32);
    const undated = fixture('telegram-ky.json').toString().replace('"date": "2026-05-07T15:03:44",', '');
    expect((await failure(undated)).line).toBe(66);
    expect((await failure('{"name": "x"}')).line).toBe(1);
  });
});

describe('redaction of message text', () => {
  const redactor = new Redactor([
    'Нургуль Ташиева (юрист)',
    '+996 555 98 76 54',
    'Гулнара Абдыкадырова',
    'Omurbek Asanov',
  ]);

  it('takes out phone numbers and the writers’ names, keeping dates and words', () => {
    const { text, removed } = redactor.redact(
      'Меня зовут Гулнара Абдыкадырова, мужа задержали 14.03.2026. Позвоните 0555 987 654 или +996 312 62 22 33, Нургуль.',
    );
    expect(text).toBe('Меня зовут […], мужа задержали 14.03.2026. Позвоните [☎] или [☎], […].');
    expect(removed).toEqual([
      { kind: 'phone', value: '0555 987 654' },
      { kind: 'phone', value: '+996 312 62 22 33' },
      { kind: 'name', value: 'Гулнара Абдыкадырова' },
      { kind: 'name', value: 'Нургуль' },
    ]);
  });

  it('keeps what a writer’s name says in brackets, and takes a self-introduced name out of later messages', () => {
    const named = new Redactor([
      'Нургуль Ташиева (юрист)',
      'Азамат Жолдошев (айыл окмоту)',
      ...Redactor.introducedNames('Меня зовут Гулнара Абдыкадырова, мужа задержали'),
    ]);
    expect(named.redact('Гулнара, дежурный юрист уже звонит вам. Айыл окмоту отказывает.').text).toBe(
      '[…], дежурный юрист уже звонит вам. Айыл окмоту отказывает.',
    );
  });

  it('takes out a name introduced in Kyrgyz or English even when it is not a writer’s, and what the export marked', () => {
    expect(new Redactor([]).redact('Менин атым Айгүл Маматова, жардам керек').text).toBe(
      'Менин атым […], жардам керек',
    );
    expect(new Redactor([]).redact('Hello, my name is Farid Ahmadi').text).toBe('Hello, my name is […]');
    expect(
      new Redactor([]).redact('жазыңыз @batken_legal', [{ kind: 'name', value: '@batken_legal' }]).text,
    ).toBe('жазыңыз […]');
  });
});
