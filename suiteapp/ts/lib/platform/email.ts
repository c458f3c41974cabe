/**
 * Sends one email with `N/email` (20 units): from an employee (`author`, an internal id; NetSuite
 * refuses any other) to at most 10 recipients, each an entity internal id or an email address.
 */
import * as email from 'N/email';

export function sendEmail(mail: {
  author: number;
  recipients: (number | string)[];
  subject: string;
  body: string;
}): void {
  // NetSuite takes ids and addresses mixed in one array; the declared type lists either kind only.
  email.send({
    author: mail.author,
    recipients: mail.recipients as string[],
    subject: mail.subject,
    body: mail.body,
  });
}
