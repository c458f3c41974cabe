/**
 * A minimal, valid PDF 1.4 writer for the simulator's shipping documents (pure, no dependencies):
 * pages of a given size with lines of text in the standard Helvetica fonts and a frame, a correct
 * cross-reference table and trailer, so any PDF reader (and the connector's File Cabinet upload)
 * takes the bytes as a real document. Text is WinAnsi: characters outside printable ASCII are written
 * as `?` (the simulator's labels carry ids, tracking numbers and addresses).
 */

/** Points per millimetre (1 pt = 1/72 in). */
const PT_PER_MM = 72 / 25.4;

/** ISO page sizes in points. */
export const PAGE_SIZES = {
  A6: { width: round2(105 * PT_PER_MM), height: round2(148 * PT_PER_MM) },
  A5: { width: round2(148 * PT_PER_MM), height: round2(210 * PT_PER_MM) },
  A4: { width: round2(210 * PT_PER_MM), height: round2(297 * PT_PER_MM) },
} as const;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface PdfLine {
  text: string;
  /** Bold (Helvetica-Bold) instead of Helvetica. */
  bold?: boolean;
  /** Font size relative to the page's base size (default 1). */
  scale?: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/** Escapes a string for a PDF literal: ASCII only, `\`, `(` and `)` escaped. */
export function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    const safe = code >= 32 && code <= 126 ? ch : '?';
    out += safe === '\\' || safe === '(' || safe === ')' ? `\\${safe}` : safe;
  }
  return `(${out})`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The page's content stream: a frame and the lines top-down, the base size from the page width. */
function contentOf(page: PdfPage): string {
  const base = Math.max(7, Math.round(page.width / 30));
  const margin = Math.round(page.width / 16);
  const ops: string[] = [
    '0.8 w',
    `${num(margin / 2)} ${num(margin / 2)} ${num(page.width - margin)} ${num(page.height - margin)} re S`,
    'BT',
  ];
  let y = page.height - margin - base;
  for (const line of page.lines) {
    const size = Math.round(base * (line.scale ?? 1) * 10) / 10;
    ops.push(`/${line.bold ? 'F2' : 'F1'} ${num(size)} Tf`);
    ops.push(`1 0 0 1 ${num(margin)} ${num(y)} Tm`);
    ops.push(`${pdfString(line.text)} Tj`);
    y -= size * 1.35;
  }
  ops.push('ET');
  return `${ops.join('\n')}\n`;
}

/** The document's bytes: catalog, page tree, pages with their content streams, two fonts, xref, trailer. */
export function renderPdf(pages: readonly PdfPage[], info: { title: string; producer: string }): Buffer {
  if (pages.length === 0) throw new Error('A PDF needs at least one page');
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info; then page + content pairs.
  const fontId = 3;
  const boldId = 4;
  const infoId = 5;
  let next = 6;
  const pageObjects: string[] = [];
  for (const page of pages) {
    const pageId = next;
    const contentId = next + 1;
    next += 2;
    pageIds.push(pageId);
    const stream = contentOf(page);
    pageObjects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
        `/Resources << /Font << /F1 ${fontId} 0 R /F2 ${boldId} 0 R >> >> /Contents ${contentId} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    );
  }
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
  );
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  objects.push(`<< /Title ${pdfString(info.title)} /Producer ${pdfString(info.producer)} >>`);
  objects.push(...pageObjects);

  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
