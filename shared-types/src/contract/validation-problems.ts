/**
 * A small collector for validation problems: each problem names the path of the bad value
 * (`orders[3].line_items[0].sale_price`), shows what was received and says what to send instead.
 */

/** At most this many problems are listed; the rest are counted, so a bad batch stays readable. */
export const MAX_LISTED_PROBLEMS = 50;

export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  const text = JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return typeof value === 'string' ? shown : `${typeof value} ${shown}`;
}

export class Problems {
  private readonly list: string[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }

  get count(): number {
    return this.list.length;
  }

  /** The problems, capped at MAX_LISTED_PROBLEMS with a last line counting the rest. */
  toList(): string[] {
    if (this.list.length <= MAX_LISTED_PROBLEMS) {
      return [...this.list];
    }
    const rest = this.list.length - MAX_LISTED_PROBLEMS;
    return [...this.list.slice(0, MAX_LISTED_PROBLEMS), `... and ${rest} more problem(s) not listed`];
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
