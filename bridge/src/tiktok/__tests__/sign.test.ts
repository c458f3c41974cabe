import { buildSignString, signTikTokRequest } from '../sign';

describe('TikTok request signing (test vectors computed from TikTok’s signing guide)', () => {
  it('TV1: official doc vector, GET without body', () => {
    const input = {
      appSecret: 'e59af819cc',
      path: '/authorization/202309/shops',
      query: { app_key: '29a39d', timestamp: '1623812664' },
    };
    expect(buildSignString(input)).toBe(
      'e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc',
    );
    expect(signTikTokRequest(input)).toBe('b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8');
  });

  it('TV2: EcomPHP vector', () => {
    const input = { appSecret: 'app_secret', path: '/test-api', query: { foo: 'bar' } };
    expect(buildSignString(input)).toBe('app_secret/test-apifoobarapp_secret');
    expect(signTikTokRequest(input)).toBe('d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f');
  });

  it('TV3: POST with a JSON body, access_token and sign excluded', () => {
    const input = {
      appSecret: 'test_secret',
      path: '/order/202309/orders/search',
      query: {
        app_key: 'test_key',
        timestamp: '1700000000',
        shop_cipher: 'ROW_abc123',
        page_size: '20',
        access_token: 'IGNORED',
        sign: 'IGNORED_TOO',
      },
      body: '{"order_status":"AWAITING_SHIPMENT","create_time_ge":1700000000}',
      contentType: 'application/json',
    };
    expect(buildSignString(input)).toBe(
      'test_secret/order/202309/orders/searchapp_keytest_keypage_size20shop_cipherROW_abc123timestamp1700000000{"order_status":"AWAITING_SHIPMENT","create_time_ge":1700000000}test_secret',
    );
    expect(signTikTokRequest(input)).toBe('f4be647ad704bb42d65d7622fa3d7d8f01bf6fd6a916c4c436bb375c86b81c4c');
  });

  it('TV4: GET with a comma-joined list parameter', () => {
    const input = {
      appSecret: 'test_secret',
      path: '/order/202309/orders',
      query: {
        app_key: 'test_key',
        timestamp: '1700000000',
        shop_cipher: 'ROW_abc123',
        ids: '576461413038785752,576461413038785753',
      },
    };
    expect(signTikTokRequest(input)).toBe('b64ac7185d1a8e6aad0c2a22a9f4106a7aca69b71e86edeb933a1bbccb830047');
  });

  it('TV5: the doc body-bearing base string', () => {
    const input = {
      appSecret: 'e59af819cc',
      path: '/event/202309/webhooks',
      query: {
        app_key: '68xu9ks5p4i8',
        shop_cipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIKt',
        timestamp: '1696909648',
      },
      body: '{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}',
    };
    expect(signTikTokRequest(input)).toBe('a75b9c8cd57140cab6dc95bf31c37bd6ffface74210768b6517c0ff81659b0ba');
  });

  it('never signs a multipart body and signs values decoded', () => {
    const base = { appSecret: 's', path: '/p', query: { page_token: 'a+b/c=' } };
    expect(buildSignString({ ...base, body: 'BINARY', contentType: 'multipart/form-data; boundary=x' })).toBe(
      's/ppage_tokena+b/c=s',
    );
    expect(signTikTokRequest({ ...base, body: '{}' })).not.toBe(signTikTokRequest(base));
  });
});
