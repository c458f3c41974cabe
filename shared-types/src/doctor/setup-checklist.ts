/**
 * The setup checklist of the connector home (issue #21), in the seed's order (Steps 1–7 and the
 * best practice "Test with one order"): each step is judged by doctor checks (doctor-checks.ts) and
 * shown as done, to do or broken, with the link of the check that decides it.
 */
import type { CheckResult, DoctorCheckId, DoctorFinding, DoctorLink } from './doctor-checks';
import { worstResult } from './doctor-checks';

export type StepState = 'done' | 'to do' | 'broken';

export interface SetupStep {
  id: string;
  label: string;
  /** The checks that decide the step; the worst one wins. */
  checks: readonly DoctorCheckId[];
}

export const SETUP_STEPS: readonly SetupStep[] = [
  {
    id: 'tiktok-connected',
    label: 'TikTok Shop connected',
    checks: ['tiktok-authorization', 'authorization-expiry'],
  },
  {
    id: 'netsuite-connected',
    label: 'NetSuite connection healthy',
    checks: ['netsuite-connection'],
  },
  { id: 'catalog-source', label: 'Catalog source chosen', checks: ['products-from-netsuite'] },
  { id: 'skus-audited', label: 'SKUs audited', checks: ['products-matching'] },
  { id: 'payment-methods', label: 'Payment Method Map valid', checks: ['payment-method-map'] },
  { id: 'locations', label: 'Locations linked', checks: ['locations-not-appearing', 'locations-linked'] },
  {
    id: 'flow-settings',
    label: "Each flow's settings",
    checks: [
      'flow-orders',
      'flow-order-updates',
      'flow-fulfillments',
      'flow-shipments',
      'flow-inventory',
      'flow-products',
      'flow-returns',
      'flow-refunds',
    ],
  },
  { id: 'test-order', label: 'Test with one order', checks: ['test-order'] },
];

export interface ChecklistRow {
  id: string;
  label: string;
  state: StepState;
  /** What decided it: the worst check's detail (or every check's when they are all fine). */
  detail: string;
  fix: string | null;
  link: DoctorLink | null;
}

const STATE: Record<CheckResult, StepState> = {
  ok: 'done',
  unknown: 'to do',
  warn: 'to do',
  broken: 'broken',
};

/** The checklist of one shop from its doctor findings. */
export function setupChecklist(findings: readonly DoctorFinding[]): ChecklistRow[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  return SETUP_STEPS.map((step) => {
    const mine = step.checks.map((id) => byId.get(id)).filter((f): f is DoctorFinding => f !== undefined);
    const worst = worstResult(mine.map((f) => f.result));
    const deciding = mine.find((f) => f.result === worst);
    if (worst === 'ok' || deciding === undefined) {
      return {
        id: step.id,
        label: step.label,
        state: 'done',
        detail: mine.map((f) => f.detail).join('; '),
        fix: null,
        link: mine[0]?.link ?? null,
      };
    }
    return {
      id: step.id,
      label: step.label,
      state: STATE[worst],
      detail: `${deciding.title}: ${deciding.detail}`,
      fix: deciding.fix,
      link: deciding.link,
    };
  });
}
