import { describe, expect, it } from 'vitest';
import { prepareRecord } from '../record.ts';
import { decodeRecord, encodeRecord, recordReader, shareRecords } from './shared-records.ts';

describe('records shared with threads', () => {
  const records = [
    prepareRecord({
      id: 'a',
      firstName: 'Мухаммад Карим',
      lastName: 'Ахмадзай',
      patronymic: 'Абдулло',
      sex: 'м',
      dateOfBirth: '1365',
    }),
    prepareRecord({ id: 'b', firstName: 'فاطمه', lastName: '', sex: 'زن', dateOfBirth: '1990-05-01' }),
    prepareRecord({ id: 'c', firstName: 'Ulugʻbek', lastName: 'Boʻriyev', dateOfBirth: '' }),
  ];

  it('reads back every field comparing uses, the id left behind', () => {
    for (const r of records) expect(decodeRecord(encodeRecord(r))).toEqual({ ...r, id: '' });
    // Every field of a prepared record is carried: a field added later and forgotten here fails this.
    expect(Object.keys(decodeRecord(encodeRecord(records[0]!))).sort()).toEqual(
      Object.keys(records[0]!).sort(),
    );
  });

  it('reads any record by number from the shared bytes', () => {
    const shared = shareRecords(records);
    const at = recordReader(shared);
    expect(at(1)).toEqual({ ...records[1], id: '' });
    expect(at(1)).toBe(at(1));
    expect(recordReader(shared, { keep: false })(2)).toEqual({ ...records[2], id: '' });
  });
});
