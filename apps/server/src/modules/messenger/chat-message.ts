/** One line of a group's chat as an export gives it, before anything is stored. */
export interface ChatMessage {
  /** Where it starts: the file's line (WhatsApp) or the message's place in the list (Telegram). */
  line: number;
  /** The phone's wall-clock time, `YYYY-MM-DDTHH:MM:SS`, in the group's own time zone. */
  localTime: string;
  /** The exact instant when the export carries one (Telegram); else derived from `localTime`. */
  instant?: Date;
  /** As the export names the writer: a contact's name or a phone number; null for system lines. */
  author: string | null;
  text: string;
  kind: 'message' | 'media' | 'system';
  /** The export's own id of the message (Telegram), which makes a fingerprint of its own. */
  externalId?: string;
  /** Names and phone numbers the export itself marks in the text (Telegram's entities). */
  marked?: Array<{ kind: 'phone' | 'name'; value: string }>;
}

/** A file that is not a chat export the importer reads; `line` is where reading stopped. */
export class ChatExportError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** A wall-clock time as the parsers hand it on, checked to be a real day and hour. */
export function localTime(
  line: number,
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number },
): string {
  const { year, month, day, hour, minute, second } = parts;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    throw new ChatExportError(line, 'not a real date and time');
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}
