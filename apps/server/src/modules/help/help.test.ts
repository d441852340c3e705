import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpArticleVersions } from '../../db/schema/index.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const kyrgyz = {
  ky: {
    title: 'Төрөлгөндү каттоо',
    body: 'Үйдө төрөлгөн баланы айыл өкмөтүндө каттатса болот.\n\nФАПтын маалыматы же эки күбө керек.',
  },
};

describe('the public help site’s articles and notices', () => {
  let t: TestApp;
  let lawyer: Session;
  let supervisor: Session;
  const send = (s: Session, method: 'POST' | 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org({ name: 'Ferghana Valley Lawyers' });
    lawyer = await t.login((await t.factory.user(org.id, 'lawyer')).email);
    supervisor = await t.login((await t.factory.user(org.id, 'supervisor')).email);
  });
  afterAll(() => t.close());

  it('goes from a lawyer’s draft to a supervisor’s publication, kept as a version; the writer cannot publish it', async () => {
    const created = await send(lawyer, 'POST', '/help-content/articles', {
      countryCode: 'KG',
      topic: 'birth_registration',
      texts: kyrgyz,
      checkedOn: day(-2),
    });
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ status: 'draft', published: null });
    // Not on the public site while a draft.
    expect((await t.app.inject({ url: '/help?lang=ky' })).body).not.toContain('Төрөлгөндү каттоо');
    // A lawyer cannot publish at all; a draft cannot be published before review.
    expect(
      (await send(lawyer, 'POST', `/help-content/articles/${a.id}/publish`, { version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await send(supervisor, 'POST', `/help-content/articles/${a.id}/publish`, { version: 1 })).statusCode,
    ).toBe(409);
    const submitted = await send(lawyer, 'POST', `/help-content/articles/${a.id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'in_review', version: 2 });
    const published = await send(supervisor, 'POST', `/help-content/articles/${a.id}/publish`, {
      version: 2,
    });
    expect(published.json()).toMatchObject({
      status: 'published',
      published: { version: 1, languages: ['ky'] },
    });

    const index = await t.app.inject({ url: '/help?lang=ky' });
    expect(index.body).toContain('Төрөлгөндү каттоо');
    const page = await t.app.inject({ url: `/help/articles/${a.id}?lang=ky` });
    expect(page.body).toContain('<p>Үйдө төрөлгөн баланы айыл өкмөтүндө каттатса болот.</p>');
    expect(page.body).toContain(`${day(-2)}</bdi> текшерилген`);
    // Chosen by its topic it is there; another topic's page lists it not.
    const byTopic = (await t.app.inject({ url: '/help?lang=ky&topic=birth_registration' })).body;
    expect(byTopic).toContain(`href="/help/articles/${a.id}`);
    expect(byTopic).toContain('href="/help?lang=ky">Бардык темалар</a>');
    expect((await t.app.inject({ url: '/help?lang=ky&topic=asylum' })).body).not.toContain(
      `href="/help/articles/${a.id}`,
    );
    // A Russian reader gets the Kyrgyz text, told it is not yet in their language.
    expect((await t.app.inject({ url: `/help/articles/${a.id}?lang=ru` })).body).toContain(
      'ещё не написан на вашем языке',
    );

    // An edit is a new draft; the public reads the published text until the next review.
    const edited = await send(lawyer, 'PUT', `/help-content/articles/${a.id}`, {
      version: 3,
      countryCode: 'KG',
      topic: 'birth_registration',
      texts: {
        ...kyrgyz,
        ru: { title: 'Регистрация рождения', body: 'Ребёнка, родившегося дома, регистрирует айыл окмоту.' },
      },
      checkedOn: day(0),
    });
    expect(edited.json()).toMatchObject({ status: 'draft', published: { version: 1 } });
    expect((await t.app.inject({ url: '/help?lang=ru' })).body).not.toContain('Регистрация рождения</bdi>');
    await send(supervisor, 'POST', `/help-content/articles/${a.id}/submit`, { version: 4 });
    // Whoever submitted it does not review it.
    const own = await send(supervisor, 'POST', `/help-content/articles/${a.id}/publish`, { version: 5 });
    expect(own.statusCode).toBe(403);
    const versions = await t.db
      .select()
      .from(helpArticleVersions)
      .where(eq(helpArticleVersions.articleId, a.id));
    expect(versions.map((v) => v.version)).toEqual([1]);

    const stale = await send(lawyer, 'PUT', `/help-content/articles/${a.id}`, {
      version: 1,
      countryCode: 'KG',
      topic: 'birth_registration',
      texts: kyrgyz,
      checkedOn: day(0),
    });
    expect(stale.statusCode).toBe(409);

    const withdrawn = await send(supervisor, 'POST', `/help-content/articles/${a.id}/withdraw`, {
      version: 5,
    });
    expect(withdrawn.json()).toMatchObject({ status: 'draft', published: null });
    expect((await t.app.inject({ url: '/help?lang=ky' })).body).not.toContain('Төрөлгөндү каттоо');
  });

  it('refuses an article with no wording, a short body, or a check date in the future, in the reader’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/help-content/articles',
      headers: { ...lawyer.headers, 'accept-language': 'ru' },
      payload: {
        countryCode: 'KG',
        topic: 'asylum',
        texts: { ky: { title: 'Баш паана', body: 'кыска' } },
        checkedOn: day(30),
      },
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as Array<{ path: string; message: string }>;
    expect(issues.map((i) => i.path).sort()).toEqual(['checkedOn', 'texts.ky.body']);
    expect(issues.find((i) => i.path === 'checkedOn')!.message).toContain('в будущем');
  });

  it('shows a notice between its first and last day, and takes it down when ended', async () => {
    expect(
      (
        await send(lawyer, 'POST', '/help-content/notices', {
          countryCode: 'KG',
          texts: {
            en: {
              title: 'Dostuk crossing closed',
              body: 'The crossing is closed to pedestrians until further notice.',
            },
          },
          startsOn: day(-1),
          endsOn: day(10),
        })
      ).statusCode,
    ).toBe(403);
    const notice = (
      await send(supervisor, 'POST', '/help-content/notices', {
        countryCode: 'KG',
        texts: {
          en: {
            title: 'Dostuk crossing closed',
            body: 'The crossing is closed to pedestrians until further notice.',
          },
        },
        startsOn: day(-1),
        endsOn: day(10),
      })
    ).json();
    await send(supervisor, 'POST', '/help-content/notices', {
      countryCode: 'KG',
      texts: { en: { title: 'Later notice', body: 'This one starts next week and is not shown yet.' } },
      startsOn: day(7),
      endsOn: day(10),
    });
    const shown = (await t.app.inject({ url: '/help?lang=en' })).body;
    expect(shown).toContain('Dostuk crossing closed');
    expect(shown).not.toContain('Later notice');
    const ended = await send(supervisor, 'POST', `/help-content/notices/${notice.id}/end`, { version: 1 });
    expect(ended.json().endsOn).toBe(day(-1));
    expect((await t.app.inject({ url: '/help?lang=en' })).body).not.toContain('Dostuk crossing closed');
    const backwards = await send(supervisor, 'POST', '/help-content/notices', {
      countryCode: 'KG',
      texts: { en: { title: 'Wrong dates', body: 'It ends before it starts, which cannot be.' } },
      startsOn: day(3),
      endsOn: day(1),
    });
    expect(backwards.json().error.details.issues[0].path).toBe('endsOn');
  });
});
