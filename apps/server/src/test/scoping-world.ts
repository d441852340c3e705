import {
  closeCaseWon,
  matchedRows,
  openCase,
  registerPerson,
  sendReferral,
  uploadList,
} from './casework-fixtures.ts';
import type { Session, TestApp } from './harness.ts';
import { seedMonitoring } from './monitoring-fixtures.ts';
import { screeningPayload } from './screening-fixtures.ts';

/** The ids of organisation B's records that the scoping test aims organisation A at. */
export interface BIds {
  org: string;
  user: string;
  token: string;
  person: string;
  consent: string;
  household: string;
  case: string;
  task: string;
  hearing: string;
  attachment: string;
  view: string;
  criterion: string;
  service: string;
  template: string;
  indicator: string;
  activity: string;
  activityFile: string;
  budgetLine: string;
  report: string;
  story: string;
  list: string;
  listRow: string;
  procedure: string;
  step: string;
  referral: string;
  notification: string;
  intake: string;
  messengerGroup: string;
  mailbox: string;
  incident: string;
  warningRule: string;
  checkpoint: string;
  checkpointVisit: string;
  monitoringQuestion: string;
  borderProject: string;
  assistance: string;
  screening: string;
  messengerAuthor: string;
  messengerMessage: string;
  helpArticle: string;
  helpNotice: string;
}

/** Two organisations, A and B, each with an administrator; B holds one record of every kind. */
export async function seedScopingWorld(
  t: TestApp,
): Promise<{ a: Session; b: Session; bIds: BIds; aOrg: string }> {
  const orgA = await t.factory.org({ name: 'A' });
  const orgB = await t.factory.org({ name: 'B' });
  const aOrg = orgA.id;
  const adminA = await t.factory.user(orgA.id, 'admin');
  const adminB = await t.factory.user(orgB.id, 'admin');
  const a = await t.login(adminA.email);
  const b = await t.login(adminB.email);
  const token = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: b.headers,
    payload: { name: 'b-token' },
  });
  await t.app.inject({ method: 'GET', url: `/api/users/${adminB.id}`, headers: b.headers });
  const person = await registerPerson(t, b, { givenName: 'Secret', familyName: 'Person', latinName: null });
  const consent = await t.app.inject({
    method: 'POST',
    url: `/api/persons/${person.id}/consents`,
    headers: b.headers,
    payload: { purpose: 'referral', scope: 'x', givenAt: '2026-01-01' },
  });
  const household = await t.app.inject({
    method: 'POST',
    url: '/api/households',
    headers: b.headers,
    payload: { name: 'B household', members: [{ personId: person.id, relationship: 'head' }] },
  });
  await t.app.inject({
    method: 'PUT',
    url: '/api/intake/answers/other',
    headers: b.headers,
    payload: { texts: { en: 'Wording of B alone' } },
  });
  const bCase = await openCase(t, b, [person.id]);
  const intake = await t.app.inject({
    method: 'POST',
    url: '/api/intake',
    headers: b.headers,
    payload: {
      channel: 'hotline',
      problems: ['nationality_statelessness'],
      contactName: 'Secret Caller',
      contactPhone: '+996 555 111 222',
      summary: 'Secret question about a passport',
    },
  });
  const group = await t.app.inject({
    method: 'POST',
    url: '/api/messenger/groups',
    headers: b.headers,
    payload: { name: 'B district group', platform: 'whatsapp', districtId: 'KG-O-KARASUU' },
  });
  const chat = '14.03.2026, 10:17 - Secret Writer: Secret question about a passport?\n';
  await t.app.inject({
    method: 'POST',
    url: `/api/messenger/groups/${group.json().id}/imports`,
    headers: b.headers,
    payload: { filename: 'chat.txt', contentBase64: Buffer.from(chat).toString('base64') },
  });
  const messages = await t.app.inject({ method: 'GET', url: '/api/messenger/messages', headers: b.headers });
  const incident = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: b.headers,
    payload: {
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      segment: 'KG-TJ',
      type: 'water_dispute',
      districtId: 'KG-B-KADAMJAY',
      sources: [{ kind: 'community', reliability: 'probable', note: 'Secret source of B' }],
      description: 'Secret incident of B at the canal',
    },
  });
  const warningRule = await t.app.inject({
    method: 'POST',
    url: '/api/incidents/warning-rules',
    headers: b.headers,
    payload: { casualties: true, recipients: [adminB.id] },
  });
  const monitoring = await seedMonitoring(t, b);
  const help = await t.app.inject({
    method: 'POST',
    url: '/api/assistance',
    headers: b.headers,
    payload: {
      personId: person.id,
      kind: 'cash',
      purpose: 'medical',
      amount: 5000,
      currency: 'KGS',
      reason: 'Secret reason for cash to B person',
    },
  });
  const screening = await t.app.inject({
    method: 'POST',
    url: '/api/screenings',
    headers: b.headers,
    payload: screeningPayload(
      person.id,
      { debt_bondage: 'yes', documents_withheld: 'yes' },
      'Secret words of B person',
    ),
  });
  // A documentation address (TEST-NET-3): public, so allowed, and never read in these tests.
  const mailbox = await t.app.inject({
    method: 'POST',
    url: '/api/intake/mailboxes',
    headers: b.headers,
    payload: { label: 'B requests', host: '203.0.113.7', username: 'b-secret-user', password: 'b-secret' },
  });
  const article = await t.app.inject({
    method: 'POST',
    url: '/api/help-content/articles',
    headers: b.headers,
    payload: {
      countryCode: 'KG',
      topic: 'birth_registration',
      texts: { en: { title: 'Draft of B alone', body: 'A draft that only organisation B may read.' } },
      checkedOn: '2026-11-01',
    },
  });
  const notice = await t.app.inject({
    method: 'POST',
    url: '/api/help-content/notices',
    headers: b.headers,
    payload: {
      countryCode: 'KG',
      texts: { en: { title: 'B notice', body: 'A crossing is closed for repairs this week.' } },
      startsOn: '2026-11-01',
      endsOn: '2026-11-02',
    },
  });
  const task = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${bCase.id}/tasks`,
    headers: b.headers,
    payload: { title: 'x', dueDate: '2026-01-01' },
  });
  const hearing = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${bCase.id}/hearings`,
    headers: b.headers,
    payload: { kind: 'court_hearing', date: '2026-01-01', place: 'B court' },
  });
  const attachment = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${bCase.id}/attachments`,
    headers: b.headers,
    payload: { filename: 'b.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
  });
  const view = await t.app.inject({
    method: 'POST',
    url: '/api/saved-views',
    headers: b.headers,
    payload: { module: 'cases', name: 'B view', filters: { status: 'open' } },
  });
  const criterion = await t.app.inject({
    method: 'POST',
    url: '/api/eligibility-criteria',
    headers: b.headers,
    payload: { code: 'b_only', label: { en: 'B only' } },
  });
  // B refers its case to a third organisation C: A is on neither side of it.
  const orgC = await t.factory.org({ name: 'C' });
  const c = await t.login((await t.factory.user(orgC.id, 'admin')).email);
  const cService = await t.app.inject({
    method: 'POST',
    url: '/api/services',
    headers: c.headers,
    payload: { name: 'C legal aid', type: 'legal_aid' },
  });
  const bService = await t.app.inject({
    method: 'POST',
    url: '/api/services',
    headers: b.headers,
    payload: { name: 'B legal aid', type: 'legal_aid' },
  });
  const referral = await sendReferral(t, b, bCase.id, {
    serviceId: cService.json().id,
    need: 'B need for C',
    contact: 'B contact',
    consentScope: 'to C',
    givenAt: '2026-01-01',
  });
  const inbox = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: c.headers });
  const template = await t.app.inject({
    method: 'POST',
    url: '/api/procedure-templates',
    headers: b.headers,
    payload: {
      countryCode: 'KG',
      code: 'b_only',
      name: { en: 'B only' },
      steps: [{ key: 'one', name: { en: 'One' }, trigger: { kind: 'procedure_opened' }, limit: null }],
    },
  });
  const indicator = await t.app.inject({
    method: 'POST',
    url: '/api/indicators',
    headers: b.headers,
    payload: {
      code: 'B1',
      name: { en: 'B only' },
      level: 'output',
      area: 'B',
      unit: 'number',
      source: 'computed',
      computation: 'people_legal_assistance',
    },
  });
  const activity = await t.app.inject({
    method: 'POST',
    url: '/api/activities',
    headers: b.headers,
    payload: { type: 'training', title: 'B training', date: '2026-01-10' },
  });
  const activityFile = await t.app.inject({
    method: 'POST',
    url: `/api/activities/${activity.json().id}/attachments`,
    headers: b.headers,
    payload: { filename: 'b.txt', mimeType: 'text/plain', contentBase64: 'aGVsbG8=' },
  });
  const budgetLine = await t.app.inject({
    method: 'PUT',
    url: '/api/budget',
    headers: b.headers,
    payload: {
      year: 2026,
      areaKind: 'outcome',
      areaCode: 'OA2',
      areaName: 'B area',
      finalBudget: 10,
      fundsAvailable: 5,
      expenditure: 1,
    },
  });
  const report = await t.app.inject({
    method: 'POST',
    url: '/api/results/reports',
    headers: b.headers,
    payload: { year: 2026, format: 'xlsx' },
  });
  const procedure = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${bCase.id}/procedures`,
    headers: b.headers,
    payload: { templateId: template.json().id },
  });
  const list = await uploadList(t, b, {
    name: 'B births',
    filename: 'b.csv',
    rows: ['X1,Secret,Person,,male,1990'],
  });
  const listRows = { items: await matchedRows(t, b, list.json().id) };
  // Last, because it closes B's case: a story is drafted only from a case that ended well.
  await closeCaseWon(t, b, bCase);
  const story = await t.app.inject({
    method: 'POST',
    url: '/api/stories',
    headers: b.headers,
    payload: { caseId: bCase.id },
  });
  const bIds = {
    story: story.json().id,
    list: list.json().id,
    listRow: listRows.items[0]!.id,
    service: bService.json().id,
    template: template.json().id,
    indicator: indicator.json().id,
    activity: activity.json().id,
    activityFile: activityFile.json().id,
    budgetLine: budgetLine.json().id,
    report: report.json().id,
    procedure: procedure.json().id,
    step: procedure.json().steps[0].id,
    referral: referral.json().id,
    notification: inbox.json().items[0].id,
    org: orgB.id,
    user: adminB.id,
    token: token.json().token.id,
    person: person.id,
    consent: consent.json().id,
    household: household.json().id,
    case: bCase.id,
    task: task.json().id,
    hearing: hearing.json().id,
    attachment: attachment.json().id,
    view: view.json().id,
    criterion: criterion.json().id,
    intake: intake.json().id,
    messengerGroup: group.json().id,
    mailbox: mailbox.json().id,
    incident: incident.json().id,
    warningRule: warningRule.json().id,
    checkpoint: monitoring.checkpoint,
    checkpointVisit: monitoring.visit,
    monitoringQuestion: monitoring.question,
    borderProject: monitoring.project,
    assistance: help.json().id,
    screening: screening.json().id,
    messengerAuthor: messages.json().items[0].authorId,
    messengerMessage: messages.json().items[0].id,
    helpArticle: article.json().id,
    helpNotice: notice.json().id,
  };
  return { a, b, bIds, aOrg };
}
