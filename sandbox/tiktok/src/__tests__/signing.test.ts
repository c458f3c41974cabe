import { buildWrappedString, computeSign, signForTest, verifySign } from '../signing';
import { signWebhook, verifyWebhookSignature } from '../webhooks/webhook-signature';

describe('request signature (test vectors computed from TikTok’s signing guide)', () => {
  it('TV1 — official doc vector', () => {
    const input = {
      path: '/authorization/202309/shops',
      query: { app_key: '29a39d', timestamp: '1623812664' },
    };
    expect(buildWrappedString(input, 'e59af819cc')).toBe(
      'e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc',
    );
    expect(computeSign(input, 'e59af819cc')).toBe(
      'b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8',
    );
  });

  it('TV2 — EcomPHP unit test', () => {
    const input = { path: '/test-api', query: { foo: 'bar' } };
    expect(buildWrappedString(input, 'app_secret')).toBe('app_secret/test-apifoobarapp_secret');
    expect(computeSign(input, 'app_secret')).toBe(
      'd3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f',
    );
  });

  it('TV3 — POST with JSON body; access_token and sign are excluded', () => {
    const input = {
      path: '/order/202309/orders/search',
      query: {
        app_key: 'test_key',
        timestamp: '1700000000',
        shop_cipher: 'ROW_abc123',
        page_size: '20',
        access_token: 'IGNORED',
        sign: 'ALSO_IGNORED',
      },
      body: '{"order_status":"AWAITING_SHIPMENT","create_time_ge":1700000000}',
      contentType: 'application/json',
    };
    expect(buildWrappedString(input, 'test_secret')).toBe(
      'test_secret/order/202309/orders/searchapp_keytest_keypage_size20shop_cipherROW_abc123timestamp1700000000{"order_status":"AWAITING_SHIPMENT","create_time_ge":1700000000}test_secret',
    );
    expect(computeSign(input, 'test_secret')).toBe(
      'f4be647ad704bb42d65d7622fa3d7d8f01bf6fd6a916c4c436bb375c86b81c4c',
    );
  });

  it('TV4 — GET with a comma-joined list parameter', () => {
    const input = {
      path: '/order/202309/orders',
      query: {
        app_key: 'test_key',
        timestamp: '1700000000',
        shop_cipher: 'ROW_abc123',
        ids: '576461413038785752,576461413038785753',
      },
    };
    expect(computeSign(input, 'test_secret')).toBe(
      'b64ac7185d1a8e6aad0c2a22a9f4106a7aca69b71e86edeb933a1bbccb830047',
    );
  });

  it('TV5 — body-bearing base string from the doc', () => {
    const input = {
      path: '/event/202309/webhooks',
      query: {
        app_key: '68xu9ks5p4i8',
        shop_cipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIKt',
        timestamp: '1696909648',
      },
      body: '{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}',
    };
    expect(computeSign(input, 'e59af819cc')).toBe(
      'a75b9c8cd57140cab6dc95bf31c37bd6ffface74210768b6517c0ff81659b0ba',
    );
  });

  it('never signs a multipart body (media type compared, boundary ignored)', () => {
    const base = { path: '/product/202309/images/upload', query: { app_key: 'k', timestamp: '1' } };
    const withBody = { ...base, body: '--x\r\nbinary', contentType: 'multipart/form-data; boundary=x' };
    expect(computeSign(withBody, 's')).toBe(computeSign(base, 's'));
    expect(computeSign({ ...withBody, contentType: 'application/json' }, 's')).not.toBe(
      computeSign(base, 's'),
    );
  });

  it('sorts keys by byte order and signs decoded values with + and /', () => {
    const input = { path: '/p', query: { b: '1', B: '2', a: 'x+y/z' } };
    expect(buildWrappedString(input, 's')).toBe('s/pB2ax+y/zb1s');
  });

  it('verifySign accepts only the exact lower-case digest', () => {
    const input = {
      path: '/authorization/202309/shops',
      query: { app_key: '29a39d', timestamp: '1623812664' },
    };
    const good = 'b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8';
    expect(verifySign(input, 'e59af819cc', good)).toBe(true);
    expect(verifySign(input, 'e59af819cc', good.toUpperCase())).toBe(false);
    expect(verifySign(input, 'e59af819cc', good.slice(0, -1))).toBe(false);
    expect(verifySign(input, 'wrong', good)).toBe(false);
  });

  it('signForTest adds app_key, timestamp and sign', () => {
    const signed = signForTest({
      path: '/authorization/202309/shops',
      appKey: '29a39d',
      appSecret: 'e59af819cc',
      timestamp: 1623812664,
    });
    expect(signed.query).toEqual({
      app_key: '29a39d',
      timestamp: '1623812664',
      sign: 'b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8',
    });
  });
});

describe('webhook signature (TikTok’s webhooks overview)', () => {
  it('matches the official vector', () => {
    const body =
      '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
    expect(signWebhook('abcdef', '123', body)).toBe(
      '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05',
    );
    expect(
      verifyWebhookSignature(
        'abcdef',
        '123',
        body,
        '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05',
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'abcdef',
        '123',
        `${body} `,
        '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05',
      ),
    ).toBe(false);
  });

  it('matches the EcomPHP sample', () => {
    const body =
      '{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}';
    expect(signWebhook('fake_app_key', 'fake_app_secret', body)).toBe(
      '21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27',
    );
  });
});
