/** Fault knobs, all mutable at run time (admin API `PUT /_admin/faults`). Rates are probabilities 0..1. */
export interface Faults {
  /** Share of valid API requests answered HTTP 429 / 36009002. */
  rate429: number;
  /** Share of valid API requests answered HTTP 500 or 503 / 36009003. */
  rate5xx: number;
  /** Real milliseconds added before every API response. */
  latencyMs: number;
  /** Share of webhook notifications never sent. */
  dropWebhookRate: number;
  /** Share of webhook notifications sent twice at once (same body, same tts_notification_id). */
  duplicateWebhookRate: number;
  /** When true, notifications queued together are sent in reverse order. */
  reorderWebhooks: boolean;
}

export const NO_FAULTS: Faults = {
  rate429: 0,
  rate5xx: 0,
  latencyMs: 0,
  dropWebhookRate: 0,
  duplicateWebhookRate: 0,
  reorderWebhooks: false,
};

/** Validates and merges a partial update into the knobs; throws with the offending name. */
export function applyFaults(target: Faults, update: Partial<Record<keyof Faults, unknown>>): Faults {
  for (const [key, value] of Object.entries(update)) {
    if (!(key in NO_FAULTS))
      throw new Error(`Unknown fault knob "${key}"; known: ${Object.keys(NO_FAULTS).join(', ')}`);
    const name = key as keyof Faults;
    if (name === 'reorderWebhooks') {
      if (typeof value !== 'boolean') throw new Error('reorderWebhooks must be a boolean');
      target.reorderWebhooks = value;
    } else if (name === 'latencyMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new Error('latencyMs must be >= 0');
      target.latencyMs = value;
    } else {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        throw new Error(`${name} must be a number 0..1`);
      target[name] = value;
    }
  }
  return target;
}
