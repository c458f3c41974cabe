import { chaosPlanIn } from './chaos-plan';
import { describeChaos } from './chaos-suite';

/**
 * The chaos run (exactly-once.test.ts) in a US account with SuiteTax, from a US shop whose tax TikTok
 * collects and remits (issue #10): 1,000 paid orders and 15 of each kind that must not become a
 * sales order, under the same faults. Every sales order ties out to the cent: NetSuite computes no
 * tax of its own (Tax Details Override), TikTok's tax is its Tax Item line.
 */
describeChaos(chaosPlanIn({ profile: 'us-suitetax', shopRegion: 'US' }, 1000, 15, 20260117));
