/**
 * What the exceptions page shows of returns (suiteapp/ts/lib/services/exceptions-page.ts): the
 * returns that need the admin, those with a response deadline first by time left (the earliest
 * deadline first; deadlines are `YYYY-MM-DD HH24:MI` in one time zone, so they sort as text), then
 * the others; and one line per shop whose returns flow is off.
 */
import { pushReturnsOffNote } from './returns-upsert';

export function byTimeLeft<T extends { deadline: string | null }>(rows: readonly T[]): T[] {
  const withDeadline = rows.filter((r) => r.deadline !== null);
  const without = rows.filter((r) => r.deadline === null);
  withDeadline.sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  return [...withDeadline, ...without];
}

/** The page's notes for the shops whose Push returns to NetSuite as Return Authorizations is off. */
export function returnsOffNotes(shopNames: readonly string[]): string[] {
  return shopNames.map((name) => pushReturnsOffNote(name));
}
