/**
 * Upload Image for the simulator (issue #20): the multipart/form-data body (`data` file part,
 * `use_case` field), TikTok's limits (at most 5 MB; JPG, PNG or WEBP; at least 100 × 100 and at most
 * 20 000 × 20 000 pixels where the header says) and the URI it answers, derived from the content so an
 * identical file gets the same URI and no random draw is used.
 */
import { createHash } from 'node:crypto';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const USE_CASES = [
  'MAIN_IMAGE',
  'ATTRIBUTE_IMAGE',
  'DESCRIPTION_IMAGE',
  'CERTIFICATION_IMAGE',
  'SIZE_CHART_IMAGE',
];

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary of a `multipart/form-data; boundary=…` content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const [mediaType, ...params] = contentType.split(';');
  if ((mediaType ?? '').trim().toLowerCase() !== 'multipart/form-data') return null;
  for (const param of params) {
    const [key, ...rest] = param.split('=');
    if ((key ?? '').trim().toLowerCase() === 'boundary') {
      const value = rest.join('=').trim();
      return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value || null;
    }
  }
  return null;
}

/** Splits a multipart body into its parts (RFC 7578); null when it is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return parts;
    if (body.subarray(start, start + 2).toString() !== '\r\n') return null;
    start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    const chunk = body.subarray(start, next - 2);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) return null;
    const headers = chunk.subarray(0, headerEnd).toString('utf8').split('\r\n');
    let name: string | null = null;
    let filename: string | null = null;
    let contentType: string | null = null;
    for (const line of headers) {
      const lower = line.toLowerCase();
      if (lower.startsWith('content-disposition:')) {
        name = /\bname="([^"]*)"/i.exec(line)?.[1] ?? null;
        filename = /\bfilename="([^"]*)"/i.exec(line)?.[1] ?? null;
      } else if (lower.startsWith('content-type:')) {
        contentType = line.slice('content-type:'.length).trim();
      }
    }
    if (name === null) return null;
    parts.push({ name, filename, contentType, data: chunk.subarray(headerEnd + 4) });
    start = next;
  }
}

export type ImageFormat = 'JPEG' | 'PNG' | 'WEBP';

/** The format by its magic bytes, or null (GIF, PDF, text… are refused). */
export function imageFormatOf(data: Buffer): ImageFormat | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'JPEG';
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'PNG';
  if (
    data.length >= 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'WEBP';
  return null;
}

/** Width and height from a PNG's IHDR or a JPEG's SOF marker; null when the header does not say. */
export function imageSizeOf(data: Buffer, format: ImageFormat): { width: number; height: number } | null {
  if (format === 'PNG' && data.length >= 24)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (format === 'JPEG') {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return null;
      const marker = data[offset + 1] ?? 0;
      const length = data.readUInt16BE(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
}

/** The URI TikTok answers for an uploaded image: the same content gets the same URI. */
export function imageUriOf(data: Buffer, region: string): string {
  const digest = createHash('sha256').update(data).digest('hex').slice(0, 32);
  return `tos-${region === 'US' ? 'useast5' : 'alisg'}-i-${digest.slice(0, 10)}-${region.toLowerCase()}/${digest}`;
}
