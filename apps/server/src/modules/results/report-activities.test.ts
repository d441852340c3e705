import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { builtReport } from '../../test/report-fixtures.ts';

// Last year's report: its days are always in the past, whatever day the test runs.
const year = new Date().getUTCFullYear() - 1;

describe('the results report’s activities', () => {
  let t: TestApp;
  let me: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    me = await t.login((await t.factory.user(org.id, 'me_officer', { locale: 'en' })).email);
    const monitor = await t.login((await t.factory.user(org.id, 'field_worker')).email);
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: monitor.headers, payload }).then((r) => r.json());
    const lead = await t.login((await t.factory.user(org.id, 'supervisor')).email);
    const person = await registerPerson(t, monitor, { givenName: 'Gulnara', familyName: 'Tashieva' });
    const asked = await post('/api/assistance', {
      personId: person.id,
      kind: 'cash',
      purpose: 'medical',
      amount: 9000,
      currency: 'KGS',
      reason: 'Surgery of Gulnara after the crossing',
    });
    const approved = await t.app
      .inject({
        method: 'POST',
        url: `/api/assistance/${asked.id}/decision`,
        headers: lead.headers,
        payload: { version: asked.version, decision: 'approve' },
      })
      .then((r) => r.json());
    await post(`/api/assistance/${asked.id}/distributions`, {
      version: approved.version,
      on: `${year}-05-02`,
    });
    const dostuk = await post('/api/checkpoints', { name: 'Dostuk', countryCode: 'KG', kind: 'road' });
    for (const [day, sought, accessed] of [
      ['03-10', 12, 9],
      ['09-02', 3, 3],
    ] as const)
      await post('/api/monitoring/visits', {
        checkpointId: dostuk.id,
        visitedOn: `${year}-${day}`,
        team: ['Monitor'],
        findings: [{ key: 'refoulement_risk', answer: 'yes', note: 'Rahmatullah sent back' }],
        figures: {
          soughtProtection: sought,
          accessedProcedure: accessed,
          refusedEntry: 2,
          detained: 0,
          removed: 1,
        },
      });
    for (const activity of [
      {
        type: 'training',
        title: 'Asylum rights for border guards',
        date: `${year}-01-12`,
        districtId: 'KG-O-KARASUU',
        participants: [
          { sex: 'male', age: '18-59', orgType: 'government', count: 24 },
          { sex: 'female', age: '18-59', orgType: 'government', count: 4 },
        ],
        findings: 'Two Afghan families held at the post without interpretation',
      },
      {
        type: 'awareness_session',
        title: 'Village meeting on birth registration',
        date: `${year}-01-14`,
        participants: [{ sex: 'female', age: '18-59', orgType: 'community', count: 11 }],
      },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/activities',
        headers: me.headers,
        payload: activity,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lists them by type and one by one, small counts suppressed, districts by name, findings kept inside', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await builtReport(t, me, year, 'xlsx')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('Activities')!.eachRow((r) => cells.push((r.values as unknown[]).join('|')));
    expect(cells).toEqual([
      '|Type|Activities|Participants',
      '|Training|1|28',
      '|Awareness session|1|11',
      '|Date|Type|Title|District|Women|Men|Total',
      // Four women at the training leave the organisation as "<5".
      `|${year}-01-12|Training|Asylum rights for border guards|Kara-Suu District|<5|24|28`,
      `|${year}-01-14|Awareness session|Village meeting on birth registration||11|0|11`,
    ]);
    const monitoring: string[] = [];
    book
      .getWorksheet('Border monitoring')!
      .eachRow((r) => monitoring.push((r.values as unknown[]).join('|')));
    expect(monitoring).toEqual([
      '|Country|Visits|Checkpoints|Sought protection|Reached the asylum procedure|Share (indicator 1.1)|Refused entry|Detained|Sent back',
      // Two visits to one checkpoint; four refused and two sent back leave as "<5"; 12 of 15 may show as a share.
      '|Kyrgyzstan|2|1|15|12|80%|<5|0|<5',
      '|Findings in Kyrgyzstan|Yes|Partly|No',
      '|Risk of refoulement|2|0|0',
    ]);
    const help: string[] = [];
    book.getWorksheet('Assistance')!.eachRow((r) => help.push((r.values as unknown[]).join('|')));
    // One person, one family: both leave as "<5"; the money is not a count of people.
    expect(help).toEqual([
      '|Families reached|<5',
      '|Individuals reached|<5',
      '|Purpose|Grants|Amounts',
      '|Medical|1|9,000 KGS',
      '|Budget line|Grants|Amounts',
      '|No budget line|1|9,000 KGS',
    ]);
    const everything: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((r) => everything.push((r.values as unknown[]).join('|'))));
    expect(everything.join('\n')).not.toMatch(/Afghan families|Rahmatullah|Gulnara/);
    expect((await builtReport(t, me, year, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
