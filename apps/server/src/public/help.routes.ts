import {
  CONSULTATION_LANGUAGES,
  HELP_TOPICS,
  isLocale,
  LEGAL_PROBLEMS,
  type Locale,
  localeChain,
  PHONE_PATTERN,
  pickLocale,
} from '@komek/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { topicNames } from '../platform/enum-words.ts';
import { formToken } from './form-guard.ts';
import { esc, page } from './help-page.ts';
import * as site from './help-site.service.ts';
import { type HelpWord, word } from './help-words.ts';

type Fields = Record<string, string>;

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};
const fromElsewhere = (origin: string | undefined, host: string | undefined) => {
  const from = origin && origin !== 'null' ? hostOf(origin) : null;
  return from !== null && from !== hostOf(`http://${host}`);
};
const LIMITS = { name: 200, phone: 20, how: 300, question: 2000 } as const;

const localeOf = (request: FastifyRequest): Locale => {
  const asked = (request.query as { lang?: string }).lang;
  return isLocale(asked) ? asked : pickLocale(request.headers['accept-language'], 'ru');
};
const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

type Wordings = Record<string, { title: string; body: string }>;

/** A text in the reader's language, or the nearest one written, saying which it is. */
function wordingFor(texts: Wordings, locale: Locale) {
  const chosen = localeChain(locale).find((l) => texts[l]) ?? Object.keys(texts)[0]!;
  return { ...texts[chosen]!, lang: chosen, own: chosen === locale };
}

/** Paragraphs as written (blank lines between them); nothing in them is markup. */
const paragraphs = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The public help site: no sign-in, no script, a page a basic phone reads on a slow network. */
export async function helpRoutes(app: FastifyInstance) {
  const { platform } = app;
  // The form posts as a browser does without script; only this site's pages read such bodies.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const languageNames = (locale: Locale) =>
    new Intl.DisplayNames([locale, ...localeChain(locale)], { type: 'language' });
  const districtName = (names: Record<string, string>, locale: Locale) =>
    localeChain(locale)
      .map((l) => names[l])
      .find(Boolean) ??
    names.ru ??
    names.en ??
    '';

  app.get('/help', async (request, reply) => {
    const locale = localeOf(request);
    const t = (key: HelpWord, params?: Record<string, string | number>) => word(locale, key, params);
    const { listed, areas, articles, notices } = await site.siteContent(platform);
    const places = new Map(areas.map((a) => [a.id, districtName(a.names, locale)]));
    const countries = new Intl.DisplayNames([locale, ...localeChain(locale)], { type: 'region' });
    const noticeList = notices
      .map((n) => {
        const w = wordingFor(n.texts, locale);
        return `<div class="card" role="note"><strong lang="${w.lang}"><bdi>${esc(w.title)}</bdi></strong>
<div lang="${w.lang}">${paragraphs(w.body)}</div><div class="note">${esc(countries.of(n.countryCode) ?? n.countryCode)} · ${t('until', { date: `<bdi dir="ltr">${esc(String(n.endsOn).slice(0, 10))}</bdi>` })}</div></div>`;
      })
      .join('');
    // One topic's articles at a time when asked ("/help?topic=asylum"), from every country.
    const asked = (request.query as { topic?: string }).topic;
    const topic = HELP_TOPICS.find((x) => x === asked);
    const shown = topic ? articles.filter((a) => a.topic === topic) : articles;
    const topics = HELP_TOPICS.filter((x) => articles.some((a) => a.topic === x));
    const topicLinks = topics.length
      ? `<p class="note">${[
          topic
            ? `<a href="/help?lang=${locale}">${t('allTopics')}</a>`
            : `<strong>${t('allTopics')}</strong>`,
          ...topics.map((x) =>
            x === topic
              ? `<strong>${esc(t(`topic_${x}` as HelpWord))}</strong>`
              : `<a href="/help?lang=${locale}&amp;topic=${x}">${esc(t(`topic_${x}` as HelpWord))}</a>`,
          ),
        ].join(' · ')}</p>`
      : '';
    const byCountry = new Map<string, typeof articles>();
    for (const a of shown) byCountry.set(a.countryCode, [...(byCountry.get(a.countryCode) ?? []), a]);
    const articleList = [...byCountry.entries()]
      .map(
        ([country, list]) =>
          `<h3>${esc(countries.of(country) ?? country)}</h3><ul>${list
            .map((a) => {
              const w = wordingFor(a.texts!, locale);
              return `<li><a href="/help/articles/${a.id}?lang=${locale}" lang="${w.lang}"><bdi>${esc(w.title)}</bdi></a> <span class="note">(${esc(t(`topic_${a.topic}` as HelpWord))})</span></li>`;
            })
            .join('')}</ul>`,
      )
      .join('');
    const names = languageNames(locale);
    const joined = new Intl.ListFormat(locale, { type: 'unit' });
    const byOrg = new Map<string, typeof listed>();
    for (const s of listed) byOrg.set(s.orgName, [...(byOrg.get(s.orgName) ?? []), s]);
    const contacts = [...byOrg.entries()]
      .map(
        ([org, list]) =>
          `<h3><bdi>${esc(org)}</bdi></h3>${list
            .map(
              (s) => `<div class="card"><strong><bdi>${esc(s.name)}</bdi></strong>
${s.phone ? `<div>${t('phone')}: <a href="tel:${esc(s.phone.replace(/[^\d+]/g, ''))}" dir="ltr">${esc(s.phone)}</a></div>` : ''}
${s.hours ? `<div>${t('hours')}: <bdi>${esc(s.hours)}</bdi></div>` : ''}
${s.languages.length ? `<div>${t('languages')}: ${esc(joined.format(s.languages.map((l) => names.of(l) ?? l)))}</div>` : ''}
${s.districtIds.length ? `<div class="note">${esc(joined.format(s.districtIds.map((d) => places.get(d) ?? d)))}</div>` : ''}</div>`,
            )
            .join('')}`,
      )
      .join('');
    const body = `<h1>${t('siteName')}</h1><p>${t('intro')}</p>
<a class="button" href="/help/request?lang=${locale}">${t('ask')}</a>
${noticeList ? `<h2>${t('notices')}</h2>${noticeList}` : ''}
${articles.length ? `<h2>${t('articles')}</h2>${topicLinks}${articleList}` : ''}
<h2>${t('contacts')}</h2>${contacts || `<p class="note">${t('noContacts')}</p>`}`;
    return html(reply, 200, page(locale, t('siteName'), body, '/help'));
  });

  app.get('/help/articles/:id', async (request, reply) => {
    const locale = localeOf(request);
    const t = (key: HelpWord, params?: Record<string, string | number>) => word(locale, key, params);
    const { id } = request.params as { id: string };
    const article = await site.publishedArticle(platform, id);
    if (!article)
      return html(
        reply,
        404,
        page(locale, t('siteName'), `<p>${t('back')}: <a href="/help?lang=${locale}">/help</a></p>`, '/help'),
      );
    const w = wordingFor(article.texts!, locale);
    const body = `${w.own ? '' : `<p class="note">${t('notInYourLanguage')}</p>`}
<article lang="${w.lang}"><h1><bdi>${esc(w.title)}</bdi></h1>${paragraphs(w.body)}</article>
<p class="note">${t('checkedOn', { date: `<bdi dir="ltr">${esc(String(article.checkedOn).slice(0, 10))}</bdi>` })} · ${t('by', { org: `<bdi>${esc(article.orgName)}</bdi>` })}</p>
<a class="button" href="/help/request?lang=${locale}">${t('ask')}</a>
<p><a href="/help?lang=${locale}">${t('back')}</a></p>`;
    return html(reply, 200, page(locale, w.title, body, `/help/articles/${id}`));
  });

  /** The form, with the person's own values when it comes back refused, and what was wrong beside each field. */
  async function requestForm(
    locale: Locale,
    values: Fields,
    errors: Partial<Record<string, string>>,
    notice = '',
  ) {
    const t = (key: HelpWord, params?: Record<string, string | number>) => word(locale, key, params);
    const { listed, areas } = await site.formChoices(platform);
    const orgs = [...new Map(listed.map((s) => [s.orgId, s.orgName])).entries()];
    const names = languageNames(locale);
    const option = (value: string, label: string, chosen: string | undefined) =>
      `<option value="${esc(value)}"${chosen === value ? ' selected' : ''}>${esc(label)}</option>`;
    const select = (name: string, label: string, options: Array<[string, string]>, required = false) =>
      `<label for="${name}">${label}</label>${errors[name] ? `<div class="error" id="${name}-error">${esc(errors[name])}</div>` : ''}
<select id="${name}" name="${name}"${required ? ' required' : ''}${errors[name] ? ` aria-describedby="${name}-error"` : ''}>
<option value="">${t('choose')}</option>${options.map(([v, l]) => option(v, l, values[name])).join('')}</select>`;
    const input = (name: keyof typeof LIMITS, label: string, type = 'text') =>
      `<label for="${name}">${label}</label>${errors[name] ? `<div class="error" id="${name}-error">${esc(errors[name])}</div>` : ''}
<input id="${name}" name="${name}" type="${type}" maxlength="${LIMITS[name]}" value="${esc(values[name])}"${errors[name] ? ` aria-describedby="${name}-error"` : ''}>`;
    const districts = areas
      .map((a) => [a.id, districtName(a.names, locale)] as [string, string])
      .sort((a, b) => a[1].localeCompare(b[1], locale));
    const body = `<h1>${t('ask')}</h1>${notice}<p class="note">${t('askIntro')}</p>
<form method="post" action="/help/request?lang=${locale}" accept-charset="utf-8">
<input type="hidden" name="token" value="${esc(formToken(platform))}">
<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
${select('org', t('org'), orgs, true)}
${select(
  'topic',
  t('topic'),
  topicNames(locale).map((p) => [p.value, p.label]),
  true,
)}
<label class="check"><input type="checkbox" name="detention" value="yes"${values.detention ? ' checked' : ''}> ${t('detention')}</label>
<label for="question">${t('question')}</label>${errors.question ? `<div class="error" id="question-error">${esc(errors.question)}</div>` : ''}
<textarea id="question" name="question" rows="6" maxlength="${LIMITS.question}" required${errors.question ? ' aria-describedby="question-error"' : ''}>${esc(values.question)}</textarea>
${input('name', t('name'))}
${input('phone', t('contactPhone'), 'tel')}
${input('how', t('how'))}
${select(
  'language',
  t('language'),
  CONSULTATION_LANGUAGES.map((l) => [l, names.of(l) ?? l]),
)}
${select('district', t('district'), districts)}
<button type="submit">${t('send')}</button></form>
<p><a href="/help?lang=${locale}">${t('back')}</a></p>`;
    return page(locale, t('ask'), body, '/help/request');
  }

  app.get('/help/request', async (request, reply) => {
    const locale = localeOf(request);
    const org = (request.query as { org?: string }).org ?? '';
    return html(reply, 200, await requestForm(locale, { org }, {}));
  });

  app.post(
    '/help/request',
    {
      config: {
        rateLimit: {
          max: platform.config.helpRequestsPerHour,
          timeWindow: '1 hour',
          errorResponseBuilder: (request) => {
            const error = new Error('too many') as Error & { statusCode: number; page: string };
            error.statusCode = 429;
            const locale = localeOf(request);
            error.page = page(
              locale,
              word(locale, 'ask'),
              `<p class="error">${word(locale, 'tooMany')}</p>`,
              '/help',
            );
            return error;
          },
        },
      },
      errorHandler: (error, _request, reply) => {
        const withPage = error as Error & { statusCode?: number; page?: string };
        if (withPage.page) return html(reply, 429, withPage.page);
        throw error;
      },
    },
    async (request, reply) => {
      const locale = localeOf(request);
      const t = (key: HelpWord, params?: Record<string, string | number>) => word(locale, key, params);
      // A form posted from another site is not ours to take. The site sends no referrer, so a
      // browser says its own form's origin is "null"; the token, not the origin, is the proof.
      if (fromElsewhere(request.headers.origin, request.headers.host))
        return html(reply, 403, page(locale, t('ask'), `<p class="error">${t('refused')}</p>`, '/help'));
      const values = (request.body ?? {}) as Fields;
      const refuse = async (
        status: number,
        errors: Partial<Record<string, string>>,
        message: HelpWord = 'refused',
      ) =>
        html(
          reply,
          status,
          await requestForm(locale, values, errors, `<p class="error" role="alert">${t(message)}</p>`),
        );
      // A field no person sees was filled: a robot.
      if (values.website) return refuse(400, {});
      const errors: Partial<Record<string, string>> = {};
      const { listed } = await site.formChoices(platform);
      if (!values.org || !listed.some((s) => s.orgId === values.org)) errors.org = t('required');
      if (!values.topic || !(LEGAL_PROBLEMS as readonly string[]).includes(values.topic))
        errors.topic = t('required');
      if (!values.question?.trim() || values.question.trim().length < 2) errors.question = t('required');
      for (const [field, max] of Object.entries(LIMITS))
        if ((values[field]?.length ?? 0) > max) errors[field] = t('tooLong', { max });
      if (values.phone?.trim() && !PHONE_PATTERN.test(values.phone.trim())) errors.phone = t('badPhone');
      if (Object.keys(errors).length > 0) return refuse(400, errors);

      const outcome = await site.submitPublicRequest(platform, values, {
        ip: request.ip,
        requestId: request.id,
      });
      if (outcome.verdict !== 'ok')
        return refuse(400, {}, outcome.verdict === 'too_fast' ? 'tooFast' : 'expired');
      const { item } = outcome;
      const body = `<h1>${t('ask')}</h1><p class="ok" role="status" data-reference="${esc(item.reference)}">${t('sent', { reference: `<bdi dir="ltr">${esc(item.reference)}</bdi>` })}</p>
${item.priority === 'emergency' ? `<p><strong>${t('sentEmergency')}</strong></p>` : ''}
<p><a href="/help?lang=${locale}">${t('back')}</a></p>`;
      return html(reply, 201, page(locale, t('ask'), body, '/help'));
    },
  );
}
