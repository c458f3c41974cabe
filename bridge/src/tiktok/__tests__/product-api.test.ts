import type { HttpRequest } from '../../net/http-transport';
import { jobsForWebhook } from '../../webhooks/events';
import { JOB_KINDS } from '../../workers/job-kinds';
import { TikTokApiCaller } from '../api-caller';
import type { TikTokClient } from '../client';
import { TikTokProductApi } from '../product-api';
import { signTikTokRequest } from '../sign';

/**
 * TikTok's product listing calls (bridge/src/tiktok/product-api.ts): Upload Image as multipart/form-data
 * signed without its body and without the shop cipher (a seller-level call); answers checked with zod
 * (Get Attributes' `is_requried` spelling, a Create Product answer without a product id refused); a
 * product status webhook queues that product's audit check.
 */
const SHOP = '7494049642642441621';

describe('Upload Image over multipart/form-data', () => {
  it('sends the file and use_case as multipart bytes, signed without the body', async () => {
    const sent: HttpRequest[] = [];
    const caller = new TikTokApiCaller({
      appKey: 'key',
      appSecret: 'secret',
      baseUrl: 'http://tiktok.test',
      clock: { now: () => 1_800_000_000_000 },
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      send: (request) => {
        sent.push(request);
        return Promise.resolve({
          status: 200,
          headers: {},
          text: JSON.stringify({
            code: 0,
            message: 'Success',
            data: { uri: 'tos-us/abc', url: 'https://x' },
          }),
        });
      },
    });
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    const uri = await new TikTokProductApi({
      callForShop: (_shop, request, options) => {
        expect(options).toEqual({ sellerLevel: true });
        return caller.call({ ...request, accessToken: 'tok' });
      },
    } as Pick<TikTokClient, 'callForShop'>).uploadImage(SHOP, {
      name: 'tee.png',
      mimeType: 'image/png',
      data,
    });
    expect(uri).toBe('tos-us/abc');
    const request = sent[0]!;
    expect(request.body).toBeUndefined();
    const contentType = request.headers['content-type'] ?? '';
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1];
    expect(boundary).toBeDefined();
    const text = request.bytes!.toString('latin1');
    expect(text).toContain(
      `--${boundary}\r\nContent-Disposition: form-data; name="use_case"\r\n\r\nMAIN_IMAGE\r\n`,
    );
    expect(text).toContain(
      `Content-Disposition: form-data; name="data"; filename="tee.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    expect(request.bytes!.includes(data)).toBe(true);
    const url = new URL(request.url);
    const query = Object.fromEntries(url.searchParams.entries());
    expect(query.shop_cipher).toBeUndefined();
    const { sign, ...unsigned } = query;
    expect(sign).toBe(
      signTikTokRequest({ appSecret: 'secret', path: url.pathname, query: unsigned, contentType }),
    );
  });
});

function apiAnswering(data: unknown): TikTokProductApi {
  return new TikTokProductApi({
    callForShop: <T>() => Promise.resolve(data as T),
  } as Pick<TikTokClient, 'callForShop'>);
}

describe('answers checked before use', () => {
  it('reads Get Attributes with TikTok’s is_requried spelling and the rules', async () => {
    const api = new TikTokProductApi({
      callForShop: <T>(_shop: string, request: { path: string }) =>
        Promise.resolve(
          (request.path.endsWith('/attributes')
            ? {
                attributes: [
                  {
                    id: '101001',
                    name: 'Material',
                    type: 'PRODUCT_PROPERTY',
                    is_requried: true,
                    is_customizable: false,
                    is_multiple_selection: true,
                    values: [{ id: '1010011', name: 'Cotton' }],
                  },
                ],
              }
            : {
                package_dimension: { is_required: true },
                product_certifications: [{ id: '7001', name: 'FCC', is_required: true }],
              }) as T,
        ),
    } as Pick<TikTokClient, 'callForShop'>);
    expect(await api.categoryInfo(SHOP, '605248')).toEqual({
      categoryId: '605248',
      attributes: [
        {
          id: '101001',
          name: 'Material',
          type: 'PRODUCT_PROPERTY',
          required: true,
          customizable: false,
          multipleSelection: true,
          values: [{ id: '1010011', name: 'Cotton' }],
        },
      ],
      packageDimensionsRequired: true,
      requiredCertifications: [{ id: '7001', name: 'FCC' }],
    });
  });

  it('refuses a Create Product answer without a product id, and reads audit reasons with their fixes', async () => {
    await expect(apiAnswering({ skus: [] }).createProduct(SHOP, {}, 'k')).rejects.toThrow(
      /TIKTOK_RESPONSE_INVALID|product_id/,
    );
    const audit = await apiAnswering({
      id: '1729',
      status: 'FAILED',
      audit: { status: 'FAILED' },
      audit_failed_reasons: [
        { position: 'title', reasons: ['Promotional words.'], suggestions: ['Say what it is.'] },
      ],
    }).getProductAudit(SHOP, '1729');
    expect(audit).toEqual({
      productId: '1729',
      status: 'FAILED',
      auditStatus: 'FAILED',
      reasons: ['title: Promotional words. Fix: Say what it is.'],
    });
  });
});

describe('product status webhooks', () => {
  it('queue the product’s audit check besides the catalog pull', () => {
    const jobs = jobsForWebhook(
      {
        type: 5,
        shopId: SHOP,
        notificationId: 'n',
        timestamp: 1,
        data: { product_id: '1729', status: 'PRODUCT_FIRST_PASS_REVIEW' },
      },
      'n',
      1000,
    );
    expect(jobs.map((j) => [j.kind, j.dedupeKey, j.runAfter])).toEqual([
      [JOB_KINDS.CATALOG_PULL, `catalog:${SHOP}`, 1000],
      [JOB_KINDS.PRODUCT_AUDIT, `product-audit-hook:${SHOP}:1729`, 1000],
    ]);
  });
});
