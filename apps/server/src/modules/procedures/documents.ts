import type { DocumentKind } from '@komek/domain';
import JSZip from 'jszip';
import { escapeHtml } from '../../platform/pdf.ts';
import { DOCUMENT_TEXTS, type DocumentText } from './document-texts.ts';

export type DocumentFields = Record<
  | 'name'
  | 'birthDate'
  | 'placeOfBirth'
  | 'address'
  | 'phone'
  | 'documents'
  | 'circumstances'
  | 'caseNumber'
  | 'date'
  | 'org'
  | 'lawyer',
  string
>;

function fill(text: string, fields: DocumentFields): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => fields[key as keyof DocumentFields] || '__________');
}

export function filledDocument(
  kind: DocumentKind,
  locale: keyof (typeof DOCUMENT_TEXTS)[DocumentKind],
  fields: DocumentFields,
) {
  const t: DocumentText = DOCUMENT_TEXTS[kind][locale];
  return {
    header: [fill(t.to, fields), fill(t.from, fields)],
    title: fill(t.title, fields),
    body: t.body.map((p) => fill(p, fields)),
    footer: [fill(t.attachments, fields), fill(t.signature, fields)],
  };
}
type Filled = ReturnType<typeof filledDocument>;

// The same escaping serves WordprocessingML text: &#39; is a valid XML character reference.
const xml = escapeHtml;

function paragraph(
  text: string,
  options: { bold?: boolean; align?: 'right' | 'center' | 'both'; size?: number } = {},
) {
  const props = [options.align ? `<w:jc w:val="${options.align}"/>` : '', '<w:spacing w:after="160"/>'].join(
    '',
  );
  const run = [
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>',
    options.bold ? '<w:b/>' : '',
    `<w:sz w:val="${options.size ?? 26}"/>`,
  ].join('');
  return `<w:p><w:pPr>${props}</w:pPr><w:r><w:rPr>${run}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

/** A minimal WordprocessingML package: what Word and LibreOffice need to open and edit it. */
export async function toDocx(doc: Filled): Promise<Buffer> {
  const body = [
    ...doc.header.map((h) => paragraph(h, { align: 'right' })),
    paragraph(doc.title, { bold: true, align: 'center', size: 28 }),
    ...doc.body.map((p) => paragraph(p, { align: 'both' })),
    ...doc.footer.map((f) => paragraph(f)),
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function toHtml(doc: Filled, lang: string): string {
  const e = escapeHtml;
  return `<!doctype html><html lang="${e(lang)}"><head><meta charset="utf-8"><title>${e(doc.title)}</title>
<style>body{font-family:'Noto Serif','DejaVu Serif',serif;font-size:12pt;line-height:1.45}
.head{text-align:right;margin-left:45%}h1{font-size:13pt;text-align:center;margin:10mm 0 6mm}p{text-align:justify}</style></head>
<body>${doc.header.map((h) => `<p class="head">${e(h)}</p>`).join('')}<h1>${e(doc.title)}</h1>
${doc.body.map((p) => `<p>${e(p)}</p>`).join('')}${doc.footer.map((f) => `<p>${e(f)}</p>`).join('')}</body></html>`;
}
