import { readFile } from 'node:fs/promises';
import { isBirthDateText, type PersonRecord } from '@komek/matching';
import { parse } from 'csv-parse/sync';

export const LINK_COLUMNS = ['id', 'first_name', 'last_name', 'patronymic', 'sex', 'date_of_birth'] as const;

/** A problem with an input file, named by file and line so that whoever prepared it can fix it. */
export class InputFileError extends Error {}

/**
 * UTF-8 with or without a byte-order mark, else Windows-1251 (what spreadsheet programs on
 * Russian-language Windows still save as "CSV").
 */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  }
}

export async function readPeopleCsv(path: string): Promise<PersonRecord[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputFileError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parsePeopleCsv(bytes, path);
}

/** The same contract for a file that arrives by upload; `path` names it in errors. */
export function parsePeopleCsv(bytes: Buffer, path: string): PersonRecord[] {
  const { text } = decodeText(bytes);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new InputFileError(`${path} line ${e.lines ?? '?'}: ${e.message.replace(/^.*?:\s*/, '')}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new InputFileError(`${path}: the file is empty`);
  const columns = header.map((h) => h.toLowerCase());
  const missing = LINK_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new InputFileError(
      `${path} line 1: missing column(s) ${missing.join(', ')}; expected ${LINK_COLUMNS.join(',')}`,
    );
  const at = Object.fromEntries(LINK_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<
    (typeof LINK_COLUMNS)[number],
    number
  >;
  const seen = new Set<string>();
  return body.map((row, n) => {
    const line = n + 2;
    const cell = (c: (typeof LINK_COLUMNS)[number]) => row[at[c]] ?? '';
    const id = cell('id');
    if (!id) throw new InputFileError(`${path} line ${line}: id is empty`);
    if (seen.has(id)) throw new InputFileError(`${path} line ${line}: id "${id}" appears twice`);
    seen.add(id);
    const dob = cell('date_of_birth');
    if (dob && !isBirthDateText(dob)) {
      throw new InputFileError(
        `${path} line ${line}: date_of_birth "${dob}" is not YYYY-MM-DD, YYYY-MM or YYYY, nor a Solar Hijri YYYY/MM/DD or YYYY (1300–1420)`,
      );
    }
    return {
      id,
      firstName: cell('first_name'),
      lastName: cell('last_name'),
      patronymic: cell('patronymic') || null,
      sex: cell('sex') || null,
      dateOfBirth: dob || null,
    };
  });
}
