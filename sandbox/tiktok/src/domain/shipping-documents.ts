/**
 * Get Package Shipping Document (`GET /fulfillment/202309/packages/{package_id}/shipping_documents`):
 * TikTok Shipping labels and packing slips as real PDF bytes behind a `doc_url` the simulator serves.
 *
 * TikTok's page: "This API is only applicable to 'TikTok Shipping' orders. To obtain the shipping
 * documents URL via this API, first call 'Ship Package'"; `document_type` SHIPPING_LABEL, PACKING_SLIP,
 * SHIPPING_LABEL_AND_PACKING_SLIP (PDF), SHIPPING_LABEL_PICTURE (PNG), HAZMAT_LABEL (A4, only with
 * hazmat items), INVOICE_LABEL (BR); `document_size` A6 (default) or A5 — the page lists no other size
 * (no 4×6 in; A6 is 105 × 148 mm, close to it); `document_format` PDF (default) or ZPL (BR only);
 * `doc_url` "is valid for 24 hours"; response `{doc_url, tracking_number}`. The Fulfillment API overview's
 * FAQ: "A shipping label is only available after shipping has been arranged for a package, and before
 * the package is handed over to the carrier."
 *
 * Refusals (the page's table): seller shipping 21008017 (11034002 carries the same message; the 2100…
 * code is used), fulfilled by TikTok 21008043, not shipped yet 21023035 "Please arrange shipment before
 * retrieving the shipping document.", collected or delivered 21042102, cancelled 21023059; a
 * `document_type`, `document_size` or `document_format` outside the lists, HAZMAT_LABEL (no simulated
 * product is hazmat), INVOICE_LABEL or ZPL outside BR → 21001001. Choices: the simulator renders PDF
 * only, so SHIPPING_LABEL_PICTURE is refused with 21001001 rather than answered with a blank image; each
 * call makes a new URL; the URL is served by the API host at TikTok's sample path
 * (`/wsos_v2/oec_fulfillment_doc_tts/object/<token>`); after its validity (24 h divided by the time
 * scale) it answers HTTP 403, an unknown token 404 (TikTok documents neither answer).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../../shared-types/src/time/clock';
import { Business } from '../errors';
import type { Packages } from './packages';
import { PAGE_SIZES, renderPdf, type PdfLine, type PdfPage } from './pdf';
import { localTime, zoneOfRegion } from './shop-time';
import type { SimulatorState } from './state';
import type { OrderRecord, PackageRecord } from './types';

export const DOCUMENT_TYPES = [
  'SHIPPING_LABEL',
  'PACKING_SLIP',
  'SHIPPING_LABEL_AND_PACKING_SLIP',
  'SHIPPING_LABEL_PICTURE',
  'HAZMAT_LABEL',
  'INVOICE_LABEL',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_SIZES = ['A6', 'A5'] as const;
export type DocumentSize = (typeof DOCUMENT_SIZES)[number];

/** The path the documents are served at (TikTok's sample `doc_url` path). */
export const DOCUMENT_PATH = '/wsos_v2/oec_fulfillment_doc_tts/object';

export interface StoredDocument {
  token: string;
  packageId: string;
  documentType: DocumentType;
  size: DocumentSize;
  fileName: string;
  bytes: Buffer;
  /** Clock epoch ms after which the URL no longer answers. */
  expiresAt: number;
}

export interface ShippingDocumentsDeps {
  state: SimulatorState;
  clock: Clock;
  packages: Packages;
  /** How long a `doc_url` works, in clock ms (24 h divided by the time scale). */
  validityMs: number;
}

export type DocumentFetch =
  { kind: 'ok'; document: StoredDocument } | { kind: 'expired' } | { kind: 'unknown' };

const stamp = (unix: number, zone: string): string => {
  const t = localTime(unix, zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}`;
};

export class ShippingDocuments {
  private readonly documents = new Map<string, StoredDocument>();
  private baseUrl = '';

  constructor(private readonly deps: ShippingDocumentsDeps) {}

  /** The API host's URL, known once it listens. */
  setBaseUrl(url: string): void {
    this.baseUrl = url;
  }

  /** Get Package Shipping Document: checks, renders, stores and returns `{docUrl, trackingNumber}`. */
  create(
    shopId: string,
    packageId: string,
    input: { documentType?: string; documentSize?: string; documentFormat?: string },
  ): { docUrl: string; trackingNumber: string } {
    const { packages, state } = this.deps;
    const pkg = packages.owned(shopId, packageId);
    const record = state.orders.get(pkg.orderId);
    if (!record) throw Business.packageNotInShop();
    const region = state.requireShop(shopId).region;
    const type = input.documentType;
    if (!type || !(DOCUMENT_TYPES as readonly string[]).includes(type)) throw Business.fulfillInvalidParams();
    const size = input.documentSize ?? 'A6';
    if (!(DOCUMENT_SIZES as readonly string[]).includes(size)) throw Business.fulfillInvalidParams();
    const format = input.documentFormat ?? 'PDF';
    if (format !== 'PDF' && !(format === 'ZPL' && region === 'BR')) throw Business.fulfillInvalidParams();
    if (format === 'ZPL' || type === 'SHIPPING_LABEL_PICTURE' || type === 'HAZMAT_LABEL')
      throw Business.fulfillInvalidParams();
    if (type === 'INVOICE_LABEL') throw Business.fulfillInvalidParams();
    if (record.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') throw Business.fbtNoDocuments();
    if (!packages.isTikTokShipping(record)) throw Business.documentsTikTokShippingOnly();
    if (pkg.status === 'CANCELLED') throw Business.documentPackageCancelled();
    if (pkg.status === 'TO_FULFILL') throw Business.documentArrangeFirst();
    if (pkg.status !== 'PROCESSING') throw Business.documentAfterPickup();

    const now = this.deps.clock.now();
    for (const [token, doc] of this.documents) if (doc.expiresAt < now) this.documents.delete(token);
    const documentType = type as DocumentType;
    const pages = this.pagesOf(record, pkg, documentType, size as DocumentSize);
    const token = `wsos${randomBytes(12).toString('hex')}`;
    const fileName = `${pkg.packageId}_${documentType.toLowerCase()}.pdf`;
    const bytes = renderPdf(pages, {
      title: `${documentType} ${pkg.trackingNumber}`,
      producer: 'TikTok Shop simulator',
    });
    this.documents.set(token, {
      token,
      packageId: pkg.packageId,
      documentType,
      size: size as DocumentSize,
      fileName,
      bytes,
      expiresAt: now + this.deps.validityMs,
    });
    return { docUrl: `${this.baseUrl}${DOCUMENT_PATH}/${token}`, trackingNumber: pkg.trackingNumber };
  }

  /** The document behind a `doc_url` token, if it is still valid. */
  fetch(token: string): DocumentFetch {
    const document = this.documents.get(token);
    if (!document) return { kind: 'unknown' };
    if (this.deps.clock.now() > document.expiresAt) return { kind: 'expired' };
    return { kind: 'ok', document };
  }

  private pagesOf(
    record: OrderRecord,
    pkg: PackageRecord,
    type: DocumentType,
    size: DocumentSize,
  ): PdfPage[] {
    const { width, height } = PAGE_SIZES[size];
    const pages: PdfPage[] = [];
    if (type !== 'PACKING_SLIP') pages.push({ width, height, lines: this.labelLines(record, pkg) });
    if (type !== 'SHIPPING_LABEL') pages.push({ width, height, lines: this.slipLines(record, pkg) });
    return pages;
  }

  private labelLines(record: OrderRecord, pkg: PackageRecord): PdfLine[] {
    const { order } = record;
    const zone = zoneOfRegion(this.deps.state.requireShop(record.shopId).region);
    const warehouse = order.warehouse_id ? this.deps.state.warehouses.get(order.warehouse_id) : undefined;
    const to = order.recipient_address;
    const lines: PdfLine[] = [
      { text: `TikTok Shipping - ${pkg.shippingProviderName}`, bold: true, scale: 1.3 },
      { text: `Tracking number: ${pkg.trackingNumber}`, bold: true, scale: 1.2 },
      { text: `Order ID: ${order.id}` },
      { text: `Package ID: ${pkg.packageId}` },
      { text: `Items: ${pkg.lineItemIds.length}` },
      { text: 'SHIP TO', bold: true },
      { text: to?.name ?? '' },
      { text: to?.full_address ?? '' },
      { text: to?.postal_code ?? '' },
      { text: 'SHIP FROM', bold: true },
      { text: warehouse?.address.contact_person ?? warehouse?.name ?? '' },
      { text: warehouse?.address.full_address ?? '' },
    ];
    if (pkg.handoverMethod) lines.push({ text: `Handover: ${pkg.handoverMethod}` });
    if (pkg.pickupSlot)
      lines.push({
        text: `Pickup: ${stamp(pkg.pickupSlot.startTime, zone)} - ${stamp(pkg.pickupSlot.endTime, zone).slice(11)}`,
      });
    if (pkg.shippedAt !== undefined) lines.push({ text: `Shipped: ${stamp(pkg.shippedAt, zone)}` });
    return lines;
  }

  private slipLines(record: OrderRecord, pkg: PackageRecord): PdfLine[] {
    const lines: PdfLine[] = [
      { text: 'Packing slip', bold: true, scale: 1.3 },
      { text: `Order ID: ${record.order.id}` },
      { text: `Package ID: ${pkg.packageId}` },
      { text: `Tracking number: ${pkg.trackingNumber}` },
    ];
    // One line per SKU with its count (TikTok has one order line per unit).
    const counts = new Map<string, { text: string; count: number }>();
    for (const line of record.order.line_items.filter((l) => pkg.lineItemIds.includes(l.id))) {
      const entry = counts.get(line.sku_id) ?? {
        text: `${line.seller_sku ?? ''} ${line.product_name} (${line.sku_name ?? ''})`,
        count: 0,
      };
      entry.count += 1;
      counts.set(line.sku_id, entry);
    }
    for (const { text, count } of counts.values()) lines.push({ text: `${count} x ${text}` });
    return lines;
  }
}
