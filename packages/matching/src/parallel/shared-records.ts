import { NAME_TEXTS, type PreparedRecord } from '../record.ts';

/**
 * Prepared records written once into memory every thread can read: a batch then crosses to a
 * thread as record numbers alone, and the thread reads the records it needs. Copying the records
 * with each batch cost the sending thread as much as comparing them.
 */
export interface SharedRecords {
  bytes: SharedArrayBuffer;
  /** Record x is bytes[offsets[x]] … bytes[offsets[x + 1] - 1]. */
  offsets: Float64Array;
}

// A record is its fields in this order, joined by the unit separator, its tokens by the record
// separator: a third of the size of JSON, and quicker to read. Comparing never reads the id, so
// it stays behind.
const FIELD = '\u001f';
const TOKEN = '\u001e';
const TEXT = [...NAME_TEXTS, 'sex'] as const;
const NUMBER = ['year', 'month', 'day', 'yearSpan'] as const satisfies ReadonlyArray<keyof PreparedRecord>;

export const encodeRecord = (r: PreparedRecord) =>
  [...TEXT.map((f) => r[f]), r.tokens.join(TOKEN), r.abjad ? '1' : '', ...NUMBER.map((f) => r[f])].join(
    FIELD,
  );

export function decodeRecord(text: string): PreparedRecord {
  const v = text.split(FIELD);
  const record: Record<string, unknown> = { id: '' };
  TEXT.forEach((f, i) => {
    record[f] = v[i];
  });
  record.tokens = v[TEXT.length] ? v[TEXT.length]!.split(TOKEN) : [];
  record.abjad = v[TEXT.length + 1] === '1';
  NUMBER.forEach((f, i) => {
    record[f] = Number(v[TEXT.length + 2 + i]);
  });
  return record as unknown as PreparedRecord;
}

export function shareRecords(records: PreparedRecord[]): SharedRecords {
  const offsets = new Float64Array(new SharedArrayBuffer(8 * (records.length + 1)));
  // Measured first, then written: a million records' text is never held all at once.
  for (let x = 0; x < records.length; x++)
    offsets[x + 1] = offsets[x]! + Buffer.byteLength(encodeRecord(records[x]!));
  const bytes = new SharedArrayBuffer(offsets[records.length]!);
  const view = Buffer.from(bytes);
  for (let x = 0; x < records.length; x++) view.write(encodeRecord(records[x]!), offsets[x]!, 'utf8');
  return { bytes, offsets };
}

/**
 * Reads records by number, each decoded once while the reader is kept (one batch); `keep: false`
 * for a reader passing over each record once.
 */
export function recordReader({ bytes, offsets }: SharedRecords, { keep = true } = {}) {
  const view = Buffer.from(bytes);
  const text = (x: number) => view.toString('utf8', offsets[x]!, offsets[x + 1]!);
  if (!keep) return (x: number) => decodeRecord(text(x));
  const read = new Map<number, PreparedRecord>();
  return (x: number): PreparedRecord => {
    let r = read.get(x);
    if (!r) {
      r = decodeRecord(text(x));
      read.set(x, r);
    }
    return r;
  };
}
