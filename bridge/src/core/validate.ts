/**
 * Boundary validation: every value that enters the bridge from outside (webhook bodies, TikTok and
 * NetSuite responses, admin and CLI input) goes through a zod schema here. A mismatch becomes a
 * `BridgeError` with a stable code whose message names each offending field by its path.
 */
import type { z } from 'zod';
import { BridgeError, type BridgeErrorCode } from './errors';

export interface ValidationProblem {
  /** Dotted path of the field, e.g. `data.order_id` or `shops.0.cipher`; `(root)` for the value itself. */
  field: string;
  message: string;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');
}

export function validationProblems(error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({ field: pathOf(issue.path), message: issue.message }));
}

/** `data.order_id (Invalid input: expected string, received undefined); timestamp (...)`, at most 5 fields. */
export function describeProblems(problems: readonly ValidationProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.field} (${p.message})`);
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return `${shown.join('; ')}${more}`;
}

export type SafeParse<T> = { ok: true; value: T } | { ok: false; problems: ValidationProblem[] };

export function safeParseWith<S extends z.ZodType>(schema: S, value: unknown): SafeParse<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: validationProblems(result.error) };
}

export interface ParseFailure {
  code: BridgeErrorCode;
  /** What was being read, e.g. `TikTok order.search response`; the message starts with it. */
  what: string;
  /** The fix to suggest after the list of fields. */
  hint: string;
  retryable?: boolean;
}

/** Parses or throws a `BridgeError` naming every offending field (`details.fields` lists them). */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  failure: ParseFailure,
): z.output<S> {
  const result = safeParseWith(schema, value);
  if (result.ok) return result.value;
  throw new BridgeError(
    failure.code,
    `${failure.what} is invalid: ${describeProblems(result.problems)}. ${failure.hint}`,
    {
      retryable: failure.retryable ?? false,
      details: { fields: result.problems.map((p) => p.field) },
    },
  );
}
