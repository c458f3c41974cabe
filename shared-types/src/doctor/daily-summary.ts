/**
 * The daily summary email (issue #21 item 5): once a day the scheduled script
 * `customscript_tts_ss_daily_summary` runs the doctor (doctor-checks.ts) for every shop and, for a
 * shop with a broken check, sends one email to the shop's Notification Recipients
 * (`custrecord_tts_shop_notify`). Nothing is sent for a shop where nothing is broken.
 *
 * Recipients: at most 10 (N/email's limit for one message), each an employee internal id or an email
 * address, separated by commas, semicolons or line breaks. NetSuite sends script email from an
 * employee (`email.send` `author`), so the first employee id listed is the sender; a list without
 * one sends nothing and the script logs why.
 *
 * Pure: parses the recipients and composes the subject and the HTML body (every value escaped, links
 * made absolute by the caller). No I/O.
 */
import type { DoctorFinding, DoctorLink } from './doctor-checks';
import { escapeHtml } from './connector-home';

/**
 * Usage (measured in test/integration/doctor-summary.test.ts): 60 units for the account (the shops
 * and the account's facts), then 11 per shop for the doctor and 20 for its email. A scheduled script
 * has 10,000.
 */
export const SUMMARY_SHOP_UNITS = 50;
/** Kept back for logging the run's result. */
export const SUMMARY_RESERVE_UNITS = 100;

/** True when the next shop fits in the units left (its doctor and email, with the reserve kept). */
export function canStartSummaryShop(remaining: number): boolean {
  return remaining >= SUMMARY_SHOP_UNITS + SUMMARY_RESERVE_UNITS;
}

/** The run's log when it stopped for usage before the shops named. */
export function summaryStoppedMessage(checked: number, skipped: readonly string[]): string {
  return `Ran low on usage after ${checked} shop(s); not checked today: ${skipped.join(', ')}. They are checked on the next run; the connector home shows their checks meanwhile.`;
}

/** N/email takes at most 10 recipients (recipients + cc + bcc) per message. */
export const NOTIFY_MAX_RECIPIENTS = 10;
export const INVALID_NOTIFY_RECIPIENTS = 'TTS_INVALID_NOTIFY_RECIPIENTS';

export type NotifyRecipient = { kind: 'employee'; id: number } | { kind: 'address'; address: string };

export type ParsedRecipients =
  { ok: true; recipients: NotifyRecipient[] } | { ok: false; problems: string[] };

/** A plain email address (one @, a dot in the domain, no spaces). */
const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
/** An internal id (NetSuite's first administrator is -5). */
const INTERNAL_ID = /^-?[0-9]{1,12}$/;

/** Notification Recipients as typed: empty means nobody (no email). */
export function parseNotifyRecipients(text: string | null | undefined): ParsedRecipients {
  const parts = (text ?? '')
    .split(/[,;\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const problems: string[] = [];
  const recipients: NotifyRecipient[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const key = part.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (INTERNAL_ID.test(part)) recipients.push({ kind: 'employee', id: Number(part) });
    else if (ADDRESS.test(part)) recipients.push({ kind: 'address', address: part });
    else
      problems.push(
        `${JSON.stringify(part)} is neither an employee internal id (e.g. 12) nor an email address (e.g. ops@example.com).`,
      );
  }
  if (recipients.length > NOTIFY_MAX_RECIPIENTS) {
    problems.push(
      `${recipients.length} recipients; NetSuite sends one email to at most ${NOTIFY_MAX_RECIPIENTS}: use a distribution list address for more.`,
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, recipients };
}

/** The save error of an invalid Notification Recipients, naming each problem and the fix. */
export function formatNotifyProblems(shopName: string, problems: readonly string[]): string {
  return `Notification Recipients of TikTok shop ${shopName}: ${problems.join(' ')} Fix: list at most ${NOTIFY_MAX_RECIPIENTS} employee internal ids or email addresses, separated by commas, the first employee being the sender (e.g. 12, ops@example.com).`;
}

/** The sender: the first employee listed, or null. */
export function summaryAuthor(recipients: readonly NotifyRecipient[]): number | null {
  const first = recipients.find((r) => r.kind === 'employee');
  return first === undefined || first.kind !== 'employee' ? null : first.id;
}

export interface SummaryMail {
  author: number;
  /** Employee internal ids (numbers) and email addresses, as `email.send` takes them. */
  recipients: (number | string)[];
  subject: string;
  /** HTML, every value escaped. */
  body: string;
}

export interface SummaryInput {
  shop: { shopId: string; name: string };
  findings: readonly DoctorFinding[];
  /** Notification Recipients as stored. */
  recipientsText: string | null;
  /** An absolute address for a check's link, or null when this run cannot make one. */
  linkOf: (link: DoctorLink) => string | null;
  /** The connector home's absolute address, or null. */
  homeUrl: string | null;
  /** The run's date (YYYY-MM-DD), named in the subject. */
  date: string;
}

export type SummaryPlan =
  | { send: true; mail: SummaryMail; broken: number }
  /** Nothing sent: nothing broken, no recipients, or recipients the script cannot use (the reason says). */
  | { send: false; reason: string; broken: number };

function linkHtml(link: DoctorLink, href: string | null): string {
  return href === null
    ? escapeHtml(link.label)
    : `<a href="${escapeHtml(href)}">${escapeHtml(link.label)}</a>`;
}

/** Subject and body listing each broken check with what was found, its fix and its link; null when nothing is broken. */
export function composeDailySummary(
  input: Omit<SummaryInput, 'recipientsText'>,
): { subject: string; body: string } | null {
  const broken = input.findings.filter((f) => f.result === 'broken');
  if (broken.length === 0) return null;
  const warnings = input.findings.filter((f) => f.result === 'warn').length;
  const name = input.shop.name;
  const subject = `TikTok Shop ${name}: ${broken.length} broken check${broken.length === 1 ? '' : 's'} (${input.date})`;
  const items = broken
    .map(
      (f) =>
        `<li><p><b>${escapeHtml(f.title)}</b> (${escapeHtml(f.id)})<br>Found: ${escapeHtml(f.detail)}<br>Fix: ${escapeHtml(f.fix)} ${linkHtml(f.link, input.linkOf(f.link))}</p></li>`,
    )
    .join('');
  const home =
    input.homeUrl === null
      ? 'Setup &gt; Integration &gt; TikTok Shop Connector'
      : `<a href="${escapeHtml(input.homeUrl)}">the TikTok Shop Connector home</a>`;
  const body = [
    `<p>The connector's doctor found ${broken.length} broken check${broken.length === 1 ? '' : 's'} for the TikTok shop ${escapeHtml(name)} (${escapeHtml(input.shop.shopId)}) on ${escapeHtml(input.date)}. Each says what it found and how to fix it:</p>`,
    `<ol>${items}</ol>`,
    `<p>${warnings > 0 ? `Also ${warnings} warning${warnings === 1 ? '' : 's'}. ` : ''}Every check of the shop: ${home}.</p>`,
    `<p>You get this email because you are among the Notification Recipients of the TikTok Shop record ${escapeHtml(name)}. It is sent only on days when a check is broken.</p>`,
  ].join('');
  return { subject, body };
}

/** What to send for one shop, or why nothing is sent. */
export function planDailySummary(input: SummaryInput): SummaryPlan {
  const broken = input.findings.filter((f) => f.result === 'broken').length;
  const mail = composeDailySummary(input);
  if (mail === null) return { send: false, reason: 'nothing broken', broken };
  const parsed = parseNotifyRecipients(input.recipientsText);
  if (!parsed.ok) {
    return {
      send: false,
      reason: `Notification Recipients cannot be used: ${parsed.problems.join(' ')}`,
      broken,
    };
  }
  if (parsed.recipients.length === 0) {
    return {
      send: false,
      reason: 'no Notification Recipients on the TikTok Shop record, so no summary email',
      broken,
    };
  }
  const author = summaryAuthor(parsed.recipients);
  if (author === null) {
    return {
      send: false,
      reason:
        'Notification Recipients lists no employee internal id: NetSuite sends script email from an employee (the first one listed); add one',
      broken,
    };
  }
  return {
    send: true,
    broken,
    mail: {
      author,
      recipients: parsed.recipients.map((r) => (r.kind === 'employee' ? r.id : r.address)),
      ...mail,
    },
  };
}
