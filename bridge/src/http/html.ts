/**
 * Minimal HTML rendering for the status page and OAuth results. Every dynamic value goes through
 * `escapeHtml`. The pages have no script at all and one inline style sheet, which the
 * Content-Security-Policy (`security-headers.ts`) allows by its hash only.
 */
import { createHash } from 'node:crypto';

export const PAGE_STYLE = `
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1.5rem}
th,td{text-align:left;border-bottom:1px solid #ddd;padding:0.35rem 0.5rem;font-size:0.92rem}
.error{color:#a40000}.ok{color:#0a6b0a}.warn{color:#8a5a00}
.button{display:inline-block;background:#111;color:#fff;padding:0.6rem 1rem;border-radius:6px;text-decoration:none;border:0;font-size:1rem;cursor:pointer}
form.inline{display:inline-block;margin:0 0.5rem 0 0}
`;

/** `'sha256-…'` of the inline style sheet, as a CSP source expression. */
export const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')}'`;

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · TikTok Shop Connector bridge</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</body>
</html>`;
}
