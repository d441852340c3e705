import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interventions } from '../apps/server/src/db/schema/index.ts';
import { caseThroughApi, ON_POSTGRES, signIn, startE2e } from './harness.ts';

// Screens over an API whose behaviour on PostgreSQL the unit tests check there: walked on the embedded pass.
describe.skipIf(ON_POSTGRES)('casework in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('registers a person, opens a case, logs a consultation and closes it with an outcome', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByTestId('new-person').click();
    await page.getByLabel('Family name', { exact: true }).fill('Жумабаев');
    await page.getByLabel('Given name', { exact: true }).fill('Бакыт');
    await page.getByLabel('Date of birth (YYYY, YYYY-MM or YYYY-MM-DD)').fill('1984');
    // The Latin form is offered from the Cyrillic, to be corrected to the passport's spelling.
    expect(await page.getByLabel('Name in Latin letters', { exact: true }).inputValue()).toBe(
      'Zhumabaev Bakyt',
    );
    await page.getByText("Filled in from the Cyrillic; correct it to the passport's spelling.").waitFor();
    await page.getByTestId('duplicates').waitFor();
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Жумабаев Бакыт').waitFor();

    // The same person typed in Latin letters is offered as a likely duplicate.
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByTestId('new-person').click();
    await page.getByLabel('Family name', { exact: true }).fill('Zhumabaev');
    await page.getByLabel('Given name', { exact: true }).fill('Bakyt');
    await page.getByTestId('duplicates').getByText('Жумабаев Бакыт').waitFor();
    // Why, in the reader's language: reasons travel as codes and each screen words them.
    await page.getByTestId('duplicates').getByText('Family name: same').waitFor();
    // Registered twice all the same; the supervisor merges the Cyrillic record into the Latin one.
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Zhumabaev Bakyt').waitFor();
    await page.getByTestId('merge').click();
    await page.getByTestId('merge-pick').first().click();
    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('merge-confirm').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByPlaceholder('Search').fill('Жумабаев');
    await page.getByText('Zhumabaev').first().waitFor();
    await page.getByText('Zhumabaev').first().click();

    await page.getByTestId('open-case').click();
    await page.getByRole('combobox', { name: 'Legal problems' }).click();
    await page.getByRole('option', { name: 'Nationality and statelessness' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('open-case-submit').click();
    await page.getByTestId('case-status').getByText('Intake').waitFor();

    await page.getByTestId('case-open').click();
    await page.getByTestId('case-status').getByText('Open').waitFor();
    // The language of the consultation comes from the list, named in the reader's language.
    const language = page.getByTestId('intervention-language');
    await language.click();
    await page.getByRole('option', { name: 'Kyrgyz' }).click();
    expect(await language.inputValue()).toBe('Kyrgyz');
    await page
      .getByTestId('intervention-summary')
      .fill('Explained the statelessness determination procedure');
    await page.getByTestId('log-intervention').click();
    await page
      .getByTestId('interventions-table')
      .getByText('Explained the statelessness determination procedure')
      .waitFor();
    // A fresh database: this is its only consultation.
    const logged = await e2e.database.db.select().from(interventions);
    expect(logged.map((i) => i.language)).toEqual(['ky']);

    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Nationality confirmed' }).click();
    await page.getByTestId('case-close').click();
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    // A closed case takes no new consultations, tasks or notes.
    expect(await page.getByTestId('add-task-form').count()).toBe(0);
    expect(await page.getByTestId('add-note-form').count()).toBe(0);
    expect(await page.getByTestId('log-intervention').count()).toBe(0);
    expect(await page.getByTestId('case-outcome-badge').textContent()).toBe('Nationality confirmed');

    // The person's page lists the closed case with its outcome.
    await page.getByRole('link', { name: 'Zhumabaev Bakyt' }).click();
    await page.getByTestId('person-cases').getByText('Nationality confirmed').waitFor();

    await page.getByRole('link', { name: 'Home' }).click();
    // The dashboard may first show the figures cached at sign-in, then the fresh ones.
    await page.getByTestId('caseload-closed').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('caseload-closed').textContent()).toBe('1');
  });

  it('lets a supervisor change a case’s problems and priority and assign it; a stale edit shows theirs and keeps mine', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');
    const c = await caseThroughApi(page, e2e.baseUrl);
    await page.goto(`${e2e.baseUrl}/cases/${c.id}`);
    await page.getByTestId('edit-case').click();
    const editor = page.getByTestId('case-editor');
    await editor.getByLabel('Priority').click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await editor.getByLabel('Legal problems').click();
    await page
      .getByRole('option', { name: /birth registration/i })
      .first()
      .click();
    await editor.getByLabel('Summary').click();
    await editor.getByTestId('case-assignee').click();
    await page.getByRole('option', { name: 'Nurzat Mamatova' }).click();
    await editor.getByTestId('save-case').click();
    await editor.waitFor({ state: 'detached' });
    let saved = await (await page.request.get(`${e2e.baseUrl}/api/cases/${c.id}`)).json();
    expect(saved).toMatchObject({ priority: 'urgent', assignedName: 'Nurzat Mamatova' });
    expect(saved.problems).toHaveLength(2);
    await page.getByText('Urgent', { exact: true }).waitFor();

    // Someone else saves first: their version shows on the page, mine stays in the form.
    await page.getByTestId('edit-case').click();
    await editor.getByLabel('Summary').fill('Needs a lawyer who speaks Uzbek');
    const me = await (await page.request.get(`${e2e.baseUrl}/api/auth/me`)).json();
    const theirs = await page.request.patch(`${e2e.baseUrl}/api/cases/${c.id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: saved.version, priority: 'emergency' },
    });
    expect(theirs.status()).toBe(200);
    await editor.getByTestId('save-case').click();
    await editor.getByTestId('case-conflict').waitFor();
    await page.getByText('Emergency (24 h)', { exact: true }).first().waitFor();
    expect(await editor.getByLabel('Summary').inputValue()).toBe('Needs a lawyer who speaks Uzbek');
    await editor.getByTestId('case-keep-mine').click();
    await editor.waitFor({ state: 'detached' });
    saved = await (await page.request.get(`${e2e.baseUrl}/api/cases/${c.id}`)).json();
    expect(saved.summary).toBe('Needs a lawyer who speaks Uzbek');
  });

  it('gives a supervisor the queue of closings to approve, from the home figure to the approved case', async () => {
    const lawyer = await e2e.newPage();
    await signIn(lawyer, e2e.baseUrl, 'lawyer@fvlwb.demo');
    const c = await caseThroughApi(lawyer, e2e.baseUrl);
    const headers = {
      'x-csrf-token': (await (await lawyer.request.get(`${e2e.baseUrl}/api/auth/me`)).json()).csrfToken,
    };
    const move = async (body: object) => {
      const now = await (await lawyer.request.get(`${e2e.baseUrl}/api/cases/${c.id}`)).json();
      const res = await lawyer.request.post(`${e2e.baseUrl}/api/cases/${c.id}/transition`, {
        headers,
        data: { version: now.version, ...body },
      });
      expect(res.status(), await res.text()).toBe(200);
      return res.json();
    };
    await move({ to: 'open' });
    const requested = await move({ to: 'closed', outcome: 'nationality_confirmed' });
    expect(requested.status).not.toBe('closed');

    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'supervisor@fvlwb.demo');
    const figure = page.getByTestId('caseload-awaiting-approval');
    await figure.filter({ hasText: /^[1-9]/ }).waitFor();
    await figure.click();
    expect(await page.getByRole('checkbox', { name: 'Awaiting close approval' }).isChecked()).toBe(true);
    const table = page.getByTestId('cases-table');
    await table.getByText(c.caseNumber).waitFor();
    expect(await table.getByTestId('close-requested').count()).toBe(await table.locator('tbody tr').count());
    await table.getByRole('link', { name: c.caseNumber }).click();
    await page.getByRole('button', { name: 'Approve closing' }).click();
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    await page.goto(`${e2e.baseUrl}/cases?awaitingApproval=true`);
    await page.getByTestId('cases-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('cases-table').getByText(c.caseNumber).count()).toBe(0);
  });

  it('edits a person’s other names, languages, needs and the Washington Group answers, found then by the other name', async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.baseUrl, 'lawyer@fvlwb.demo');
    await caseThroughApi(page, e2e.baseUrl); // someone already in the register: Садыкова Айгерим
    await page.goto(`${e2e.baseUrl}/persons/new`);
    await page.getByLabel('Family name', { exact: true }).fill('Рахимова');
    await page.getByLabel('Given name', { exact: true }).fill('Гулнора');
    await page.getByLabel('Place of birth').fill('Isfara');
    await page.getByTestId('register-person').click();
    await page.getByTestId('person-name').getByText('Рахимова Гулнора').waitFor();

    await page.getByTestId('edit-person').click();
    const aliases = page.getByTestId('person-aliases');
    await aliases.fill('Rakhimova Gulnoza');
    await aliases.press('Enter');
    await page.getByRole('combobox', { name: 'Languages spoken' }).click();
    await page.getByRole('option', { name: 'Tajik' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Specific needs' }).click();
    await page.getByRole('option', { name: 'Survivor of violence' }).click();
    await page.keyboard.press('Escape');
    await page
      .getByTestId('washington-group')
      .getByRole('combobox', { name: 'Walking or climbing steps' })
      .click();
    await page.getByRole('option', { name: 'A lot of difficulty' }).click();
    await page.getByTestId('save-person').click();

    // "A lot of difficulty" walking counts as a disability, added to the needs as kept.
    await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
    await page.getByText('Rakhimova Gulnoza').waitFor();
    const shown = await page.locator('main').textContent();
    expect(shown).toContain('Tajik');
    expect(shown).toContain('Survivor of violence');
    expect(shown).toContain('Disability');
    expect(shown).toContain('Isfara');

    // Her household: her daughter, already in the register, found by name and given her relationship.
    const household = page.getByTestId('household');
    await household.getByText('No household is recorded for this person.').waitFor();
    await household.getByLabel('Add a member').fill('Садыкова');
    await household.getByTestId('household-candidate').first().click();
    await household.getByRole('combobox', { name: /^Relationship of Садыкова/ }).click();
    await page.getByRole('option', { name: 'Child', exact: true }).click();
    await household.getByRole('button', { name: 'Record the household' }).click();
    await household.getByText('Head of household').waitFor();
    expect(await household.textContent()).toContain('Child');
    expect(await household.textContent()).toContain('Садыкова');

    // The daughter moves out while someone else renames the household: the stale save shows theirs,
    // and mine goes over it when I say so.
    await household.getByRole('button', { name: 'Change the household' }).click();
    await household.getByRole('button', { name: /^Take Садыкова/ }).click();
    const personId = page.url().split('/persons/')[1]!;
    const me = await (await page.request.get(`${e2e.baseUrl}/api/auth/me`)).json();
    const current = await (await page.request.get(`${e2e.baseUrl}/api/persons/${personId}`)).json();
    const theirs = await (
      await page.request.get(`${e2e.baseUrl}/api/households/${current.householdId}`)
    ).json();
    const renamed = await page.request.put(`${e2e.baseUrl}/api/households/${theirs.id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        version: theirs.version,
        name: 'Рахимовы (Исфара)',
        members: theirs.members.map((m: { person: { id: string }; relationship: string }) => ({
          personId: m.person.id,
          relationship: m.relationship,
        })),
      },
    });
    expect(renamed.status()).toBe(200);
    await household.getByRole('button', { name: 'Save', exact: true }).click();
    await household.getByTestId('household-conflict').getByText('Рахимовы (Исфара)').waitFor();
    await household.getByRole('button', { name: 'Save mine over theirs' }).click();
    await household.getByRole('button', { name: 'Change the household' }).waitFor();
    expect(await household.textContent()).not.toContain('Садыкова');
    expect(await household.textContent()).toContain('Рахимова');

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByPlaceholder('Search').fill('Gulnoza');
    await page.getByText('Рахимова').first().waitFor();
  });
});
