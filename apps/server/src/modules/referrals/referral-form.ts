import { type Locale, type Referral, RTL_LOCALES } from '@komek/domain';
import { localeChain } from '../../platform/messages.ts';
import { escapeHtml } from '../../platform/pdf.ts';

const LABEL_KEYS = [
  'title',
  'reference',
  'sent',
  'from',
  'to',
  'service',
  'priority',
  'respondBy',
  'caseCode',
  'need',
  'contact',
  'shared',
  'nothingShared',
  'consent',
  'consentGiven',
  'override',
  'status',
  'signatureSender',
  'signatureReceiver',
  'confidential',
] as const;
type Labels = Record<(typeof LABEL_KEYS)[number], string>;

const LABELS: Partial<Record<Locale, Labels>> & { en: Labels } = {
  en: {
    title: 'Referral form',
    reference: 'Reference',
    sent: 'Sent',
    from: 'From',
    to: 'To',
    service: 'Service',
    priority: 'Priority',
    respondBy: 'Answer expected by',
    caseCode: 'Case code',
    need: 'Need',
    contact: 'How to contact',
    shared: 'Details shared with consent',
    nothingShared: 'Only the minimum above is shared.',
    consent: 'Consent',
    consentGiven: 'Given on {date}; scope: {scope}',
    override: 'Sent without consent in an emergency. Reason: {reason}',
    status: 'Status',
    signatureSender: 'Referring officer (name, signature, date)',
    signatureReceiver: 'Received by (name, signature, date)',
    confidential: 'Confidential. Share only with the receiving service named above.',
  },
  ru: {
    title: 'Форма направления',
    reference: 'Номер',
    sent: 'Отправлено',
    from: 'От кого',
    to: 'Кому',
    service: 'Услуга',
    priority: 'Срочность',
    respondBy: 'Ответ ожидается до',
    caseCode: 'Код дела',
    need: 'Потребность',
    contact: 'Как связаться',
    shared: 'Сведения, переданные с согласия',
    nothingShared: 'Передан только минимум, указанный выше.',
    consent: 'Согласие',
    consentGiven: 'Дано {date}; объём: {scope}',
    override: 'Отправлено без согласия в экстренном случае. Причина: {reason}',
    status: 'Статус',
    signatureSender: 'Направивший специалист (ФИО, подпись, дата)',
    signatureReceiver: 'Принял (ФИО, подпись, дата)',
    confidential: 'Конфиденциально. Только для указанной выше принимающей службы.',
  },
  ky: {
    title: 'Жолдомо формасы',
    reference: 'Номери',
    sent: 'Жөнөтүлдү',
    from: 'Кимден',
    to: 'Кимге',
    service: 'Кызмат',
    priority: 'Шашылыштыгы',
    respondBy: 'Жооп күтүлгөн мөөнөт',
    caseCode: 'Иштин коду',
    need: 'Муктаждык',
    contact: 'Кантип байланышуу керек',
    shared: 'Макулдук менен берилген маалымат',
    nothingShared: 'Жогорудагы минимум гана берилди.',
    consent: 'Макулдук',
    consentGiven: '{date} берилген; көлөмү: {scope}',
    override: 'Шашылыш учурда макулдуксуз жөнөтүлдү. Себеби: {reason}',
    status: 'Абалы',
    signatureSender: 'Жолдогон адис (аты-жөнү, колу, күнү)',
    signatureReceiver: 'Кабыл алган (аты-жөнү, колу, күнү)',
    confidential: 'Купуя. Жогоруда аталган кызмат үчүн гана.',
  },
  'fa-AF': {
    title: 'فورم ارجاع',
    reference: 'شماره',
    sent: 'تاریخ ارسال',
    from: 'از',
    to: 'به',
    service: 'خدمت',
    priority: 'اولویت',
    respondBy: 'پاسخ تا این تاریخ',
    caseCode: 'کد قضیه',
    need: 'نیاز',
    contact: 'راه تماس',
    shared: 'معلومات شریک‌شده با رضایت',
    nothingShared: 'فقط حداقل معلومات بالا شریک شده است.',
    consent: 'رضایت',
    consentGiven: 'داده شده در {date}؛ حدود: {scope}',
    override: 'در حالت اضطراری بدون رضایت ارسال شد. دلیل: {reason}',
    status: 'وضعیت',
    signatureSender: 'کارمند ارجاع‌دهنده (نام، امضا، تاریخ)',
    signatureReceiver: 'دریافت‌کننده (نام، امضا، تاریخ)',
    confidential: 'محرمانه. فقط برای خدمت دریافت‌کننده نام‌برده در بالا.',
  },
};

type Words = Record<string, string>;
/** Priority and status words printed on the form, so that a paper copy reads in one language. */
const WORDS: Partial<Record<Locale, Words>> & { en: Words } = {
  en: {
    emergency: 'Emergency (24 hours)',
    urgent: 'Urgent (72 hours)',
    normal: 'Normal (14 days)',
    sent: 'Sent',
    accepted: 'Accepted',
    declined: 'Declined',
    in_progress: 'In progress',
    completed: 'Completed',
    revoked: 'Withdrawn',
  },
  ru: {
    emergency: 'Экстренно (24 часа)',
    urgent: 'Срочно (72 часа)',
    normal: 'Обычно (14 дней)',
    sent: 'Отправлено',
    accepted: 'Принято',
    declined: 'Отклонено',
    in_progress: 'В работе',
    completed: 'Выполнено',
    revoked: 'Отозвано',
  },
  ky: {
    emergency: 'Шашылыш (24 саат)',
    urgent: 'Тез (72 саат)',
    normal: 'Кадимки (14 күн)',
    sent: 'Жөнөтүлдү',
    accepted: 'Кабыл алынды',
    declined: 'Четке кагылды',
    in_progress: 'Иштелүүдө',
    completed: 'Аткарылды',
    revoked: 'Кайтарылып алынды',
  },
  'fa-AF': {
    emergency: 'اضطراری (۲۴ ساعت)',
    urgent: 'فوری (۷۲ ساعت)',
    normal: 'عادی (۱۴ روز)',
    sent: 'ارسال شد',
    accepted: 'پذیرفته شد',
    declined: 'رد شد',
    in_progress: 'در جریان',
    completed: 'تکمیل شد',
    revoked: 'پس گرفته شد',
  },
};

function wordFor(key: string, locale: Locale): string {
  for (const l of localeChain(locale)) {
    const word = WORDS[l]?.[key];
    if (word) return word;
  }
  return WORDS.en[key] ?? key;
}

function labelsFor(locale: Locale): Labels {
  for (const l of localeChain(locale)) {
    const found = LABELS[l];
    if (found) return found;
  }
  return LABELS.en;
}

const SHARED_ORDER: Array<[keyof Referral['shared'], string]> = [
  ['name', 'Name / ФИО'],
  ['sex', 'Sex / Пол'],
  ['birthDate', 'Date of birth / Дата рождения'],
  ['phone', 'Phone / Телефон'],
  ['languages', 'Languages / Языки'],
  ['districtId', 'District / Район'],
  ['nationalityStatus', 'Nationality status / Гражданство'],
  ['populationType', 'Population type / Категория'],
  ['specificNeeds', 'Specific needs / Особые потребности'],
  ['problems', 'Legal problems / Правовые проблемы'],
  ['caseSummary', 'Case summary / Краткое описание'],
];

function sharedValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '—' : String(value);
}

/** The referral as a one-page form for services that are not on the platform. */
export function referralFormHtml(r: Referral, locale: Locale): string {
  const L = labelsFor(locale);
  const e = escapeHtml;
  const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
  const day = (iso: string) => iso.slice(0, 10);
  // Each value takes the direction of its own script, so a phone number stays "+996 555" in Dari.
  const dirOf = (value: string) => (/[\u0590-\u08FF]/.test(value) ? 'rtl' : 'ltr');
  const cell = (value: string) => `<td dir="${dirOf(value)}">${e(value)}</td>`;
  const para = (value: string) => `<p dir="${dirOf(value)}">${e(value)}</p>`;
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th>${cell(value)}</tr>`;
  const shared = SHARED_ORDER.filter(([key]) => key in r.shared).map(([key, label]) =>
    row(label, sharedValue(r.shared[key])),
  );
  for (const d of r.shared.documents ?? [])
    shared.push(row(`Document / Документ: ${d.type}`, `${d.status}${d.number ? ` — ${d.number}` : ''}`));
  const consent =
    r.consent.kind === 'consent'
      ? L.consentGiven.replace('{date}', r.consent.givenAt ?? '').replace('{scope}', r.consent.scope ?? '')
      : L.override.replace('{reason}', r.consent.overrideReason ?? '');
  return `<!doctype html>
<html lang="${e(locale)}" dir="${dir}"><head><meta charset="utf-8"><title>${e(L.title)} ${e(r.reference)}</title>
<style>
  body { font-family: 'Noto Sans', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif; font-size: 11pt; color: #111; }
  h1 { font-size: 16pt; margin: 0 0 4mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
  table { width: 100%; border-collapse: collapse; }
  td[dir='ltr'] { text-align: ${dir === 'rtl' ? 'right' : 'left'}; }
  p[dir='ltr'] { text-align: ${dir === 'rtl' ? 'right' : 'left'}; }
  th, td { text-align: start; vertical-align: top; padding: 1.5mm 2mm; border: 1px solid #ccc; }
  th { width: 38%; background: #f3f3f3; font-weight: 600; }
  .note { font-size: 9pt; color: #444; margin-top: 3mm; }
  .sign { display: flex; gap: 10mm; margin-top: 14mm; }
  .sign div { flex: 1; border-top: 1px solid #333; padding-top: 1.5mm; font-size: 9pt; }
</style></head>
<body>
<h1>${e(L.title)} ${e(r.reference)}</h1>
<p class="note">${e(L.confidential)}</p>
<table>
${row(L.sent, day(r.sentAt))}
${row(L.from, r.fromOrg.name)}
${row(L.to, r.toOrg.name)}
${row(L.service, r.service.name)}
${row(L.priority, wordFor(r.priority, locale))}
${row(L.respondBy, day(r.respondBy))}
${row(L.caseCode, r.caseCode)}
${row(L.status, wordFor(r.status, locale))}
</table>
<h2>${e(L.need)}</h2>${para(r.need)}
<h2>${e(L.contact)}</h2>${para(r.contact)}
<h2>${e(L.shared)}</h2>
${shared.length > 0 ? `<table>${shared.join('\n')}</table>` : `<p>${e(L.nothingShared)}</p>`}
<h2>${e(L.consent)}</h2><p>${e(consent)}</p>
<div class="sign"><div>${e(L.signatureSender)}</div><div>${e(L.signatureReceiver)}</div></div>
</body></html>`;
}
