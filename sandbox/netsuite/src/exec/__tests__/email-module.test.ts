/**
 * `N/email` in the emulator (email-module.ts): `email.send` takes an employee author and up to 10
 * recipients (internal ids of entities or email addresses), requires subject and body, charges 20
 * units, and records each message in the mailbox; a refused call sends nothing and charges nothing.
 */
import { createInvocation, runInvocation } from '../../context';
import type { MailEntity } from '../email-module';
import { Mailbox, createEmailModule } from '../email-module';

const ENTITIES: Record<number, MailEntity> = {
  [-5]: { id: -5, kind: 'employee', email: 'admin@example.com' },
  7: { id: 7, kind: 'customer', email: 'buyer@example.com' },
  8: { id: 8, kind: 'customer', email: null },
};

function setup() {
  const mailbox = new Mailbox();
  const email = createEmailModule({ mailbox, entity: (id) => ENTITIES[id] ?? null, now: () => 1_000 }) as {
    send(options: Record<string, unknown>): void;
  };
  const inv = createInvocation({
    kind: 'scheduled',
    scriptId: 'customscript_x',
    deploymentId: 'customdeploy_x',
    scriptType: 'SCHEDULED',
    startedAt: new Date(),
  });
  const send = (options: Record<string, unknown>) => runInvocation(inv, () => email.send(options));
  return { mailbox, inv, send };
}

function refusal(fn: () => void): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected a refusal');
}

const OK = { author: -5, recipients: ['ops@example.com', 7], subject: 'Hello', body: 'Body' };

describe('N/email send', () => {
  it('records the message with each recipient resolved, and charges 20 units', () => {
    const { mailbox, inv, send } = setup();
    send({ ...OK, cc: 'cc@example.com', replyTo: 'reply@example.com' });
    expect(mailbox.sent).toHaveLength(1);
    expect(mailbox.sent[0]).toMatchObject({
      author: { id: -5, email: 'admin@example.com' },
      recipients: [
        { address: 'ops@example.com', entityId: null },
        { address: 'buyer@example.com', entityId: 7 },
      ],
      cc: [{ address: 'cc@example.com', entityId: null }],
      subject: 'Hello',
      body: 'Body',
      replyTo: 'reply@example.com',
      scriptId: 'customscript_x',
      deploymentId: 'customdeploy_x',
      sentAtMs: 1_000,
    });
    expect(mailbox.to('BUYER@example.com')).toHaveLength(1);
    expect(inv.meter.summary()['email.send']).toBe(20);
  });

  it.each([
    [{ ...OK, author: undefined }, 'SSS_MISSING_REQD_ARGUMENT', 'author'],
    [{ ...OK, recipients: undefined }, 'SSS_MISSING_REQD_ARGUMENT', 'recipients'],
    [{ ...OK, recipients: [] }, 'SSS_MISSING_REQD_ARGUMENT', 'recipients'],
    [{ ...OK, subject: undefined }, 'SSS_MISSING_REQD_ARGUMENT', 'subject'],
    [{ ...OK, body: undefined }, 'SSS_MISSING_REQD_ARGUMENT', 'body'],
    [{ ...OK, author: 7 }, 'SSS_INVALID_TYPE_ARG', 'not the internal id of an employee'],
    [{ ...OK, author: 'admin@example.com' }, 'SSS_INVALID_TYPE_ARG', 'not the internal id of an employee'],
    [{ ...OK, recipients: [99] }, 'SSS_INVALID_TYPE_ARG', 'recipients[0] 99 is not the internal id'],
    [{ ...OK, recipients: 8 }, 'SSS_INVALID_TYPE_ARG', 'has no email address'],
    [{ ...OK, recipients: 'not an address' }, 'SSS_INVALID_TYPE_ARG', 'neither an internal id nor'],
    [
      {
        ...OK,
        recipients: Array.from({ length: 8 }, (_, i) => `r${i}@example.com`),
        bcc: ['a@example.com', 'b@example.com', 'c@example.com'],
      },
      'SSS_INVALID_TYPE_ARG',
      '11 recipients',
    ],
    [{ ...OK, body: 'x'.repeat(15 * 1024 * 1024 + 1) }, 'SSS_INVALID_TYPE_ARG', 'at most 15 MB'],
  ])('refuses %# and sends nothing', (options, name, says) => {
    const { mailbox, inv, send } = setup();
    const e = refusal(() => send(options));
    expect(e.name).toBe(name);
    expect(e.message).toContain(says);
    expect(mailbox.sent).toHaveLength(0);
    expect(inv.meter.used).toBe(0);
  });

  it('takes exactly 10 recipients in all', () => {
    const { mailbox, send } = setup();
    send({ ...OK, recipients: Array.from({ length: 10 }, (_, i) => `r${i}@example.com`) });
    expect(mailbox.sent[0]!.recipients).toHaveLength(10);
  });
});
