import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { builtReport } from '../../test/report-fixtures.ts';

// Requests are received today, so this year's report holds them.
const year = new Date().getUTCFullYear();

describe('the results report’s requests for help', () => {
  let t: TestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    const lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    officer = await t.login((await t.factory.user(org.id, 'me_officer', { locale: 'en' })).email);
    const requests = [
      ...Array.from({ length: 6 }, () => ({ channel: 'hotline', sex: 'female', answeredOnTheSpot: true })),
      { channel: 'walk_in', sex: 'male', answeredOnTheSpot: false },
    ];
    for (const r of requests) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/intake',
        headers: lawyer.headers,
        payload: {
          ...r,
          problems: ['civil_documentation_birth_registration'],
          districtId: 'KG-O-KARASUU',
          ageBracket: '18-59',
          contactName: 'Айгуль Токтосунова',
          summary: 'Ребёнок без свидетельства о рождении',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('counts them by channel, topic, district, sex, age and outcome, small counts suppressed and nothing personal', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await builtReport(t, officer, year, 'xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('Requests for help')!.eachRow((r) => cells.push((r.values as unknown[]).join('|')));
    expect(cells).toEqual([
      '|Requests for help, all channels|7',
      // The six answered on the spot were answered in time; the walk-in still waits.
      '|First answered within the response time|100%',
      '|By channel|Requests',
      '|Hotline call|6',
      '|Walk-in|<5',
      '|By topic|Requests',
      '|Civil documentation, birth registration|7',
      '|By district|Requests',
      '|Kara-Suu District|7',
      '|By sex|Requests',
      '|Female|6',
      '|Male|<5',
      '|By age|Requests',
      '|18-59|7',
      '|By outcome|Requests',
      '|Answered|6',
      '|Still open|<5',
    ]);
    const everything: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((r) => everything.push((r.values as unknown[]).join('|'))));
    expect(everything.join('\n')).not.toMatch(/Токтосунова|свидетельства/);
  });
});
