import { chromium } from 'playwright-core';
import type { Config } from './config.ts';

/**
 * Prints HTML to PDF with the system's Chromium. Its text engine shapes Arabic script and
 * joins Cyrillic diacritics the way a browser does, which no PDF library in JavaScript matches.
 * One short-lived browser per document: printing is rare and a resident browser costs memory.
 */
export async function htmlToPdf(config: Pick<Config, 'chromiumPath'>, html: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: config.chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage();
    // Documents carry everything inline; nothing is fetched while printing.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
