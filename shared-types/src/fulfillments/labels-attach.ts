/**
 * RESTlet action `labels.attach` (docs/contracts.md, issue #15 item 1): the bridge hands NetSuite the
 * TikTok Shipping label it fetched (Get Package Shipping Document) with the package's tracking number;
 * the SuiteApp saves the PDF in the File Cabinet, links it from the sales order (and from the item
 * fulfillment that asked, if any) and puts the tracking number on that fulfillment's package line.
 *
 * Size: a RESTlet request body is at most 10 MB (NetSuite's RESTlet limits; the emulator refuses
 * larger bodies, sandbox/netsuite/src/exec/restlet/host.ts). Base64 makes 4 characters of every 3
 * bytes, and 64 KiB are kept for the rest of the request, so a label of at most
 * (10,485,760 − 65,536) × 3 / 4 = 7,815,168 bytes passes. Above it the RESTlet refuses the call
 * (TTS_INVALID_REQUEST naming the size and the fix) and the bridge does not send it (the outbox row
 * fails with the same fix): print the label from TikTok Seller Center, or choose the smaller Label
 * Size (A6). TikTok's labels are a few kilobytes.
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';

export const LABELS_ATTACH_ACTION = 'labels.attach';
/** Most bytes of label content (decoded) one `labels.attach` call takes. */
export const MAX_LABEL_BYTES = 7_815_168;
/** Most labels per call. */
export const MAX_LABELS_PER_ATTACH = 10;

export interface LabelAttachment {
  /** TikTok package id the label is for. */
  packageId: string;
  /** The tracking number TikTok assigned. */
  trackingNumber: string;
  /** TikTok's carrier (shipping provider name), for the memo; '' when unknown. */
  carrier: string;
  /** The PDF, base64. */
  contentBase64: string;
}

export interface LabelsAttachRequest {
  action: typeof LABELS_ATTACH_ACTION;
  shopId: string;
  orderId: string;
  /** The item fulfillment that asked (Picked/Packed), or null (asked at import). */
  fulfillmentId: string | null;
  labels: LabelAttachment[];
}

export interface LabelsAttachResponse {
  ok: true;
  salesOrderId: string;
  /** One per label: the File Cabinet file's internal id. */
  files: { packageId: string; fileId: string; fileName: string }[];
  /** The fulfillment whose package line got the tracking number, or null. */
  fulfillmentId: string | null;
}

/** Bytes a base64 text decodes to (padding counted off). */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** `%PDF-` in base64 (its first 4 characters are the same whatever follows). */
const PDF_BASE64_PREFIX = 'JVBERi';

/** The file name in the File Cabinet: one per package, so a label fetched again replaces it. */
export function labelFileName(shopId: string, packageId: string): string {
  return `tts_label_${shopId}_${packageId}.pdf`;
}

/** The message when a label is over the limit (RESTlet and bridge say the same). */
export function labelTooLargeMessage(packageId: string, bytes: number): string {
  return `the label of TikTok package ${packageId} is ${bytes.toLocaleString('en-US')} bytes; the connector RESTlet takes at most ${MAX_LABEL_BYTES.toLocaleString('en-US')} bytes of label per call (10 MB request limit after base64). Fix: print this label from TikTok Seller Center (Orders > Ship), or set Label Size to A6 on the TikTok Shop record and set the outbox record back to pending.`;
}

export type LabelsAttachValidation =
  { ok: true; value: LabelsAttachRequest } | { ok: false; problems: string[] };

export function validateLabelsAttach(body: Record<string, unknown>): LabelsAttachValidation {
  const problems = new Problems();
  if (!isTikTokId(body.shopId))
    problems.add(
      'shopId',
      `${describeValue(body.shopId)} is not a TikTok shop id; send its digits as a string`,
    );
  if (!isTikTokId(body.orderId))
    problems.add(
      'orderId',
      `${describeValue(body.orderId)} is not a TikTok order id; send its digits as a string`,
    );
  const fulfillmentId = body.fulfillmentId;
  if (
    fulfillmentId !== null &&
    fulfillmentId !== undefined &&
    !(typeof fulfillmentId === 'string' && /^\d+$/.test(fulfillmentId))
  )
    problems.add(
      'fulfillmentId',
      `${describeValue(fulfillmentId)} is not an item fulfillment internal id; send its digits or null`,
    );
  const labels = body.labels;
  if (!Array.isArray(labels) || labels.length === 0 || labels.length > MAX_LABELS_PER_ATTACH) {
    problems.add('labels', `${describeValue(labels)}: send 1 to ${MAX_LABELS_PER_ATTACH} labels`);
  } else {
    let total = 0;
    labels.forEach((label: unknown, i) => {
      const path = `labels[${i}]`;
      if (!isPlainObject(label)) {
        problems.add(path, `${describeValue(label)} is not an object`);
        return;
      }
      if (!isTikTokId(label.packageId))
        problems.add(`${path}.packageId`, `${describeValue(label.packageId)} is not a TikTok package id`);
      if (
        typeof label.trackingNumber !== 'string' ||
        label.trackingNumber.trim() === '' ||
        label.trackingNumber.length > 100
      )
        problems.add(
          `${path}.trackingNumber`,
          `${describeValue(label.trackingNumber)}: send TikTok's tracking number (1 to 100 characters)`,
        );
      if (typeof label.carrier !== 'string')
        problems.add(
          `${path}.carrier`,
          `${describeValue(label.carrier)}: send TikTok's carrier name ('' when unknown)`,
        );
      const content = label.contentBase64;
      if (
        typeof content !== 'string' ||
        content === '' ||
        content.length % 4 !== 0 ||
        !BASE64.test(content)
      ) {
        problems.add(
          `${path}.contentBase64`,
          `${describeValue(typeof content === 'string' ? `${content.length} characters` : content)} is not base64 content; send the PDF's bytes base64-encoded`,
        );
        return;
      }
      if (!content.startsWith(PDF_BASE64_PREFIX))
        problems.add(
          `${path}.contentBase64`,
          'is not a PDF (it does not start with %PDF-); send the label document TikTok served',
        );
      total += base64Bytes(content);
      if (total > MAX_LABEL_BYTES)
        problems.add(
          `${path}.contentBase64`,
          labelTooLargeMessage(String(label.packageId), base64Bytes(content)),
        );
    });
  }
  return problems.count === 0
    ? {
        ok: true,
        value: {
          ...(body as unknown as LabelsAttachRequest),
          fulfillmentId: (fulfillmentId as string | null | undefined) ?? null,
        },
      }
    : { ok: false, problems: problems.toList() };
}
