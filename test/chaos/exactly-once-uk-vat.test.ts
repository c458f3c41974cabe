import { chaosPlanIn } from './chaos-plan';
import { describeChaos } from './chaos-suite';

/**
 * The chaos run (exactly-once.test.ts) in a UK account without OneWorld, with VAT (legacy non-US
 * tax), from a GB shop whose prices include VAT and whose UK-established seller remits it (issue
 * #10): 1,000 paid orders and 15 of each kind that must not become a sales order, under the same
 * faults. Every sales order ties out to the cent against TikTok's prices as NetSuite's VAT rules
 * book them (tie-out.ts).
 */
describeChaos(chaosPlanIn({ profile: 'uk-vat', shopRegion: 'GB' }, 1000, 15, 20260116));
