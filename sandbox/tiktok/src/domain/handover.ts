/**
 * TikTok Shipping's handover rules and label services (pure; domain/packages.ts applies them).
 *
 * Sources: Get Package Handover Time Slots (`GET /fulfillment/202309/packages/{package_id}/handover_time_slots`:
 * `can_pickup`, `can_drop_off`, `can_van_collection` "Specific to UK", `drop_off_point_url`,
 * `pickup_slots[{start_time, end_time, avaliable}]` — TikTok's spelling), Ship Package / Batch Ship
 * Packages (`handover_method` PICKUP | DROP_OFF, `pickup_slot{start_time, end_time}`; 21011053 "the
 * shipment time is outside of the pick-up time slot", 21011054 "missing pick-up time slot"), TikTok's
 * changelog "for the SEA market … handover_method in Ship Package and Batch Ship Package will be
 * useless" (ID, SG, PH, VN, TH, MY local sellers from 2024-10-30: the warehouse's collection method
 * setting decides), and Get Eligible Shipping Service / Create Packages (US label purchase: services
 * `{id, name, price, currency, earliest_delivery_days, latest_delivery_days, is_default,
 * shipping_provider_id, shipping_provider_name}`).
 *
 * TikTok publishes neither its slot calendar nor its label prices. Choices: pickup slots are
 * 09:00–12:00 and 13:00–17:00 local time on the next three business days, all available; a label's
 * price is a flat rate by weight (below), its delivery estimate 2–5 days (3–7 for the second service).
 */
import { formatMinor, parseMinor } from '../money';
import { addDays, isBusinessDay, localTime, unixAtLocal } from './shop-time';
import type { ShippingProvider } from './types';

/** Markets where `handover_method` is ignored (TikTok's SEA changelog, see the module comment). */
export const HANDOVER_IGNORED_REGIONS: readonly string[] = ['ID', 'SG', 'PH', 'VN', 'TH', 'MY'];

/** Local hours of the pickup slots of a day. */
export const SLOT_HOURS: readonly (readonly [number, number])[] = [
  [9, 12],
  [13, 17],
];

/** Business days ahead that have pickup slots. */
export const PICKUP_DAYS = 3;

export type HandoverMethod = 'PICKUP' | 'DROP_OFF';

export interface PickupSlot {
  startTime: number;
  endTime: number;
}

/** The pickup slots offered at `now` (Unix s) in `zone`: the next `PICKUP_DAYS` business days after today. */
export function pickupSlots(now: number, zone: string): PickupSlot[] {
  const slots: PickupSlot[] = [];
  let date = localTime(now, zone) as { year: number; month: number; day: number; weekday: number };
  let days = 0;
  while (days < PICKUP_DAYS) {
    date = addDays(date, 1);
    if (!isBusinessDay(date.weekday)) continue;
    days += 1;
    for (const [from, to] of SLOT_HOURS)
      slots.push({ startTime: unixAtLocal(zone, date, from), endTime: unixAtLocal(zone, date, to) });
  }
  return slots;
}

/** True when `slot` is exactly one of `offered`. */
export function isOfferedSlot(slot: PickupSlot, offered: readonly PickupSlot[]): boolean {
  return offered.some((s) => s.startTime === slot.startTime && s.endTime === slot.endTime);
}

export interface PackageWeight {
  value: string;
  unit: 'GRAM' | 'POUND';
}

export interface PackageDimension {
  length: string;
  width: string;
  height: string;
  unit: 'CM' | 'INCH';
}

export interface ShippingService {
  id: string;
  name: string;
  price: string;
  currency: string;
  earliestDeliveryDays: number;
  latestDeliveryDays: number;
  isDefault: boolean;
  shippingProviderId: string;
  shippingProviderName: string;
}

const GRAMS_PER_POUND = 453.59237;

/** Whole pounds, rounded up (at least 1), of a weight. */
export function billablePounds(weight: PackageWeight): number {
  const value = Number(weight.value);
  const pounds = weight.unit === 'POUND' ? value : value / GRAMS_PER_POUND;
  return Math.max(1, Math.ceil(pounds - 1e-9));
}

/** A service's id: the provider's id with a two-digit service number (ids stay numeric strings). */
export function serviceId(providerId: string, index: number): string {
  return `${providerId}${String(index + 1).padStart(2, '0')}`;
}

/**
 * TikTok Shipping label services of a delivery option's providers for a package of `weight`: one
 * ground service per provider, the first the default; price 4.50 + 0.75 per billable pound above the
 * first (+1.00 for every later provider), in `currency`.
 */
export function shippingServices(
  providers: readonly ShippingProvider[],
  weight: PackageWeight,
  currency: string,
): ShippingService[] {
  const extraPounds = billablePounds(weight) - 1;
  return providers.map((p, index) => {
    const minor = (parseMinor('4.50', currency) ?? 0) + extraPounds * 75 + index * 100;
    return {
      id: serviceId(p.id, index),
      name: `${p.name} Ground`,
      price: formatMinor(minor, currency),
      currency,
      earliestDeliveryDays: index === 0 ? 2 : 3,
      latestDeliveryDays: index === 0 ? 5 : 7,
      isDefault: index === 0,
      shippingProviderId: p.id,
      shippingProviderName: p.name,
    };
  });
}

/** A positive decimal string (`"1.2"`), as weights and dimensions are sent. */
export function isPositiveDecimal(value: unknown): value is string {
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && Number(value) > 0;
}
