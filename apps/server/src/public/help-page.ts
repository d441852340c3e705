import { LANGUAGE_NAMES, LOCALES, type Locale, RTL_LOCALES } from '@komek/domain';
import { word } from './help-words.ts';

/** Text for HTML: nothing a person typed or an organisation wrote is ever markup. */
export const esc = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

// Small enough for a basic phone on a slow network: no script, no web font, one inline sheet.
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
header,main{max-width:44rem;margin:0 auto;padding:.75rem 1rem}header{border-bottom:1px solid #ddd}
header a.home{font-weight:700;color:#0b5d57;text-decoration:none}nav a{margin-inline-end:.6rem;color:#0b5d57}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
label{display:block;margin-top:.8rem;font-weight:600}input,select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;min-height:44px;margin-top:.2rem}
input[type=checkbox]{width:auto;min-height:auto}.check{font-weight:400}button,.button{display:inline-block;background:#0b5d57;color:#fff;border:0;border-radius:6px;padding:.7rem 1.2rem;font:inherit;text-decoration:none;margin-top:1rem;min-height:44px}
.error{color:#b00020;font-weight:600}.note{color:#555}.hp{position:absolute;left:-10000px}.ok{background:#e6f4ea;padding:.8rem;border-radius:6px}bdi{unicode-bidi:isolate}`;

/** One public page: the reader's language and direction, a way to every other language. */
export function page(locale: Locale, title: string, body: string, path: string) {
  const dir = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
  const languages = LOCALES.map((l) =>
    l === locale
      ? `<strong lang="${l}">${LANGUAGE_NAMES[l]}</strong>`
      : `<a lang="${l}" href="${esc(`${path}${path.includes('?') ? '&' : '?'}lang=${l}`)}">${LANGUAGE_NAMES[l]}</a>`,
  ).join(' ');
  return `<!doctype html>
<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><a class="home" href="/help?lang=${locale}">${esc(word(locale, 'siteName'))}</a>
<nav aria-label="Languages">${languages}</nav></header>
<main>${body}</main></body></html>`;
}
