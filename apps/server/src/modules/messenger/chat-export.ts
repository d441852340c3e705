import JSZip from 'jszip';
import { ChatExportError, type ChatMessage } from './chat-message.ts';
import { parseTelegramExport } from './telegram-export.ts';
import { parseWhatsAppExport } from './whatsapp-export.ts';

export type ChatFormat = 'whatsapp' | 'telegram';

/** The text of a chat, unpacked, is never allowed past this: a small zip can hide a huge file. */
const MAX_TEXT_BYTES = 80 * 1024 * 1024;

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ChatExportError(1, 'not UTF-8 text');
  }
}

/** The chat inside a zip: WhatsApp's `_chat.txt` or `WhatsApp Chat with ….txt`, or Telegram's `result.json`. */
async function unzip(bytes: Uint8Array): Promise<{ content: string; format: ChatFormat }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ChatExportError(1, 'a damaged zip file');
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const chat =
    files.find((f) => /(^|\/)result\.json$/i.test(f.name)) ??
    files.find((f) => /(^|\/)(_chat|WhatsApp[^/]*)\.txt$/i.test(f.name)) ??
    files.find((f) => /\.txt$/i.test(f.name));
  if (!chat) throw new ChatExportError(1, 'no chat text in the zip');
  const size = (chat as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (size > MAX_TEXT_BYTES) throw new ChatExportError(1, 'the chat text is too large');
  const content = decode(await chat.async('uint8array'));
  return { content, format: chat.name.toLowerCase().endsWith('.json') ? 'telegram' : 'whatsapp' };
}

/** Reads an export as it was uploaded (text, JSON or zip, with or without media) into messages. */
export async function readChatExport(
  bytes: Uint8Array,
): Promise<{ format: ChatFormat; messages: ChatMessage[] }> {
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const { content, format } = zipped
    ? await unzip(bytes)
    : (() => {
        const text = decode(bytes);
        return {
          content: text,
          format: /^\ufeff?\s*\{/.test(text) ? ('telegram' as const) : ('whatsapp' as const),
        };
      })();
  return {
    format,
    messages: format === 'telegram' ? parseTelegramExport(content) : parseWhatsAppExport(content),
  };
}
