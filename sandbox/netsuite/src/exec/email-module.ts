/**
 * `N/email` as NetSuite documents `email.send(options)` (Oracle help section_4358681681, and the
 * SuiteCloud unit-testing stub `email/email.js`): 20 usage units; `author` (required) is the internal
 * id of an employee; `recipients` (required), `cc` and `bcc` take internal ids of entities or email
 * addresses, one or an array, at most 10 in all; `subject` and `body` are required strings; the
 * whole message may be at most 15 MB. The emulator sends nothing: each accepted message goes to the
 * account's `Mailbox`, which tests read (`sent`, `to(address)`).
 *
 * Where NetSuite's refusal text is not documented the emulator's message says which rule it broke;
 * the error name is SSS_MISSING_REQD_ARGUMENT for a missing argument and SSS_INVALID_TYPE_ARG for a
 * wrong one.
 */
import { currentInvocation } from '../context';
import { SuiteScriptError } from '../errors';

/** The documented limits of one `email.send`. */
export const EMAIL_MAX_RECIPIENTS = 10;
export const EMAIL_MAX_MESSAGE_BYTES = 15 * 1024 * 1024;

/** An entity an internal id names: employees may author, any entity with an email may receive. */
export interface MailEntity {
  id: number;
  kind: 'employee' | 'customer' | 'contact' | 'vendor' | 'partner';
  email: string | null;
}

export interface SentMail {
  /** The author's internal id and email. */
  author: { id: number; email: string | null };
  /** Where each recipient went: the address, and the entity id when an id was given. */
  recipients: { address: string; entityId: number | null }[];
  cc: { address: string; entityId: number | null }[];
  bcc: { address: string; entityId: number | null }[];
  subject: string;
  body: string;
  replyTo: string | null;
  /** The script and deployment that sent it, and when (emulator clock, ms). */
  scriptId: string;
  deploymentId: string;
  sentAtMs: number;
}

/** The account's sent mail, in order. */
export class Mailbox {
  readonly sent: SentMail[] = [];

  /** Messages with `address` among their recipients, cc or bcc (case-insensitive). */
  to(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.sent.filter((m) =>
      [...m.recipients, ...m.cc, ...m.bcc].some((r) => r.address.toLowerCase() === a),
    );
  }

  clear(): void {
    this.sent.length = 0;
  }
}

export interface EmailModuleOptions {
  mailbox: Mailbox;
  /** The entity with this internal id, or null when there is none. */
  entity: (id: number) => MailEntity | null;
  /** Emulator time (ms). */
  now: () => number;
}

/** A plain email address (one @, a dot in the domain, no spaces or commas). */
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

const missing = (name: string): SuiteScriptError =>
  new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${name}`);
const invalid = (message: string): SuiteScriptError => new SuiteScriptError('SSS_INVALID_TYPE_ARG', message);

function internalId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

function addresses(
  name: string,
  value: unknown,
  entity: EmailModuleOptions['entity'],
): { address: string; entityId: number | null }[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((one, index) => {
    const where = Array.isArray(value) ? `${name}[${index}]` : name;
    const id = internalId(one);
    if (id !== null) {
      const found = entity(id);
      if (found === null) throw invalid(`email.send: ${where} ${id} is not the internal id of an entity.`);
      if (found.email === null || found.email === '') {
        throw invalid(`email.send: ${where} ${id} (${found.kind}) has no email address.`);
      }
      return { address: found.email, entityId: id };
    }
    if (typeof one === 'string' && EMAIL.test(one.trim())) return { address: one.trim(), entityId: null };
    throw invalid(
      `email.send: ${where} ${JSON.stringify(one)} is neither an internal id nor an email address.`,
    );
  });
}

export function createEmailModule(options: EmailModuleOptions): Record<string, unknown> {
  return {
    send(args: Record<string, unknown> | undefined): void {
      const o = args ?? {};
      if (o.author === undefined || o.author === null || o.author === '') throw missing('author');
      if (o.recipients === undefined || o.recipients === null || o.recipients === '')
        throw missing('recipients');
      if (o.subject === undefined || o.subject === null) throw missing('subject');
      if (o.body === undefined || o.body === null) throw missing('body');
      if (typeof o.subject !== 'string') throw invalid('email.send: subject must be a string.');
      if (typeof o.body !== 'string') throw invalid('email.send: body must be a string.');
      const authorId = internalId(o.author);
      const author = authorId === null ? null : options.entity(authorId);
      if (author === null || author.kind !== 'employee') {
        throw invalid(
          `email.send: author ${JSON.stringify(o.author)} is not the internal id of an employee (Lists > Employees).`,
        );
      }
      const recipients = addresses('recipients', o.recipients, options.entity);
      const cc = addresses('cc', o.cc, options.entity);
      const bcc = addresses('bcc', o.bcc, options.entity);
      const total = recipients.length + cc.length + bcc.length;
      if (recipients.length === 0) throw missing('recipients');
      if (total > EMAIL_MAX_RECIPIENTS) {
        throw invalid(
          `email.send: ${total} recipients (recipients + cc + bcc); at most ${EMAIL_MAX_RECIPIENTS} are allowed.`,
        );
      }
      const bytes = Buffer.byteLength(o.subject, 'utf8') + Buffer.byteLength(o.body, 'utf8');
      if (bytes > EMAIL_MAX_MESSAGE_BYTES) {
        throw invalid(`email.send: the message is ${bytes} bytes; at most 15 MB is allowed.`);
      }
      const replyTo = typeof o.replyTo === 'string' && o.replyTo !== '' ? o.replyTo : null;
      if (replyTo !== null && !EMAIL.test(replyTo)) {
        throw invalid(`email.send: replyTo ${JSON.stringify(replyTo)} is not an email address.`);
      }
      const invocation = currentInvocation();
      // Charged once the arguments are accepted, as a call NetSuite refuses up front sends nothing.
      invocation.meter.chargeApi('email.send');
      options.mailbox.sent.push({
        author: { id: author.id, email: author.email },
        recipients,
        cc,
        bcc,
        subject: o.subject,
        body: o.body,
        replyTo,
        scriptId: invocation.scriptId,
        deploymentId: invocation.deploymentId,
        sentAtMs: options.now(),
      });
    },
  };
}
