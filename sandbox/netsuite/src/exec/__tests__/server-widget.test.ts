import { createInvocation, runInvocation } from '../../context';
import { ScriptRegistry } from '../script-registry';
import { renderForm } from '../suitelet/render-form';
import { createServerRequest, parseParameters } from '../suitelet/suitelet-http';
import { createRedirectModule, createServerWidgetModule } from '../suitelet/ui-modules';
import { UiUrls } from '../suitelet/ui-urls';
import type { UiForm } from '../suitelet/widgets';
import { deployment, script } from './helpers';
import { formPayload } from './ui-helpers';

const widgets = createServerWidgetModule() as {
  createForm(o: { title: string }): UiForm;
  FieldType: Record<string, string>;
};

function errorOf(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to throw');
}

describe('N/ui/serverWidget', () => {
  it('accepts field types in any case and refuses unknown ones and misuse', () => {
    const form = widgets.createForm({ title: 'T' });
    expect(form.addField({ id: 'CUSTPAGE_A', type: 'text', label: 'A' })).toMatchObject({
      id: 'custpage_a',
      type: 'TEXT',
    });
    expect(errorOf(() => form.addField({ id: 'custpage_b', type: 'colour', label: 'B' })).name).toBe(
      'SSS_INVALID_TYPE_ARG',
    );
    expect(
      errorOf(() => form.getField({ id: 'custpage_a' })?.addSelectOption({ value: '1', text: 'x' })).name,
    ).toBe('SSS_INVALID_FIELD_TYPE');
    expect(errorOf(() => widgets.createForm({ title: '' })).name).toBe('SSS_MISSING_REQD_ARGUMENT');
    const list = form.addSublist({ id: 'custpage_l', type: 'list', label: 'L' });
    list.addField({ id: 'custpage_x', type: widgets.FieldType.TEXT ?? 'TEXT', label: 'X' });
    expect(errorOf(() => list.setSublistValue({ id: 'custpage_y', line: 0, value: 'v' })).name).toBe(
      'SSS_INVALID_SUBLIST_OPERATION',
    );
    expect(errorOf(() => list.setSublistValue({ id: 'custpage_x', line: -1, value: 'v' })).name).toBe(
      'SSS_INVALID_SUBLIST_OPERATION',
    );
    expect(errorOf(() => list.setSublistValue({ id: 'custpage_x', line: 0, value: null })).name).toBe(
      'SSS_MISSING_REQD_ARGUMENT',
    );
    list.setSublistValue({ id: 'custpage_x', line: 2, value: 5 });
    expect([
      list.lineCount,
      list.getSublistValue({ id: 'custpage_x', line: 2 }),
      list.getSublistValue({ id: 'custpage_x', line: 0 }),
    ]).toEqual([3, '5', null]);
  });

  it('renders static lists as text only and inline editors with inputs and a new line', () => {
    const form = widgets.createForm({ title: 'Lists' });
    const fixed = form.addSublist({ id: 'custpage_fixed', type: 'STATICLIST', label: 'Fixed' });
    fixed.addField({ id: 'custpage_v', type: 'TEXT', label: 'V' });
    fixed.setSublistValue({ id: 'custpage_v', line: 0, value: 'shown' });
    const edit = form.addSublist({ id: 'custpage_edit', type: 'INLINEEDITOR', label: 'Edit' });
    edit.addField({ id: 'custpage_q', type: 'INTEGER', label: 'Q' });
    edit.setSublistValue({ id: 'custpage_q', line: 0, value: '4' });
    const html = renderForm(form, { action: '/x' });
    expect(html).toContain('<td>shown</td>');
    expect(html).not.toContain('custpage_fixed:custpage_v:0');
    expect(html).toContain(
      '<input type="number" name="custpage_edit:custpage_q:0" id="custpage_edit:custpage_q:0" value="4" step="1">',
    );
    expect(html).toContain('name="custpage_edit:custpage_q:1"');
  });

  it('writes text cells of LIST and STATICLIST sublists into the page as HTML, as NetSuite does; other cells stay text', () => {
    const form = widgets.createForm({ title: 'Markup' });
    const list = form.addSublist({ id: 'custpage_rows', type: 'LIST', label: 'Rows' });
    list.addField({ id: 'custpage_t', type: 'TEXT', label: 'T' });
    list.addField({ id: 'custpage_a', type: 'TEXTAREA', label: 'A' });
    list.addField({ id: 'custpage_n', type: 'INTEGER', label: 'N' });
    list.setSublistValue({ id: 'custpage_t', line: 0, value: '<b>bold</b>' });
    list.setSublistValue({ id: 'custpage_a', line: 0, value: '<img src=x onerror=alert(1)>' });
    list.setSublistValue({ id: 'custpage_n', line: 0, value: '<i>4</i>' });
    const fixed = form.addSublist({ id: 'custpage_fixed', type: 'STATICLIST', label: 'Fixed' });
    fixed.addField({ id: 'custpage_v', type: 'TEXT', label: 'V' });
    fixed.setSublistValue({ id: 'custpage_v', line: 0, value: '<u>under</u>' });
    const html = renderForm(form, { action: '/x' });
    expect(html).toContain(
      '<td><b>bold</b><input type="hidden" name="custpage_rows:custpage_t:0" value="&lt;b&gt;bold&lt;/b&gt;"></td>',
    );
    expect(html).toContain('<td><img src=x onerror=alert(1)><input type="hidden"');
    expect(html).toContain('<td>&lt;i&gt;4&lt;/i&gt;<input type="hidden"');
    expect(html).toContain('<td><u>under</u></td>');
  });

  it('shows URL sublist fields as links labelled with their link text', () => {
    const form = widgets.createForm({ title: 'Links' });
    const list = form.addSublist({ id: 'custpage_rows', type: 'LIST', label: 'Rows' });
    const link = list.addField({ id: 'custpage_go', type: 'URL', label: 'Go' });
    link.linkText = 'Retry';
    list.addField({ id: 'custpage_raw', type: 'URL', label: 'Raw' });
    list.setSublistValue({ id: 'custpage_go', line: 0, value: '/app/x?retry=1&a=b' });
    list.setSublistValue({ id: 'custpage_raw', line: 0, value: '/app/y' });
    const html = renderForm(form, { action: '/x' });
    expect(html).toContain('<a href="/app/x?retry=1&amp;a=b">Retry</a>');
    expect(html).toContain('<a href="/app/y">/app/y</a>');
    expect(html).toContain(
      '<input type="hidden" name="custpage_rows:custpage_go:0" value="/app/x?retry=1&amp;a=b">',
    );
  });

  it('round-trips multiselects and checkboxes through the posted form as NetSuite encodes them', () => {
    const form = widgets.createForm({ title: 'Multi' });
    const multi = form.addField({ id: 'custpage_m', type: 'MULTISELECT', label: 'M' });
    for (const v of ['1', '2', '3']) multi.addSelectOption({ value: v, text: `Option ${v}` });
    multi.defaultValue = ['1', '3'];
    form.addField({ id: 'custpage_c', type: 'CHECKBOX', label: 'C' });
    const posted = formPayload(renderForm(form, { action: '/x' }));
    const params = parseParameters(new URLSearchParams('script=9&deploy=1'), posted.toString());
    expect(params).toEqual({ script: '9', deploy: '1', custpage_m: '1\u00053', custpage_c: 'F' });
    const request = createServerRequest({
      method: 'POST',
      url: '/x',
      headers: {},
      body: '',
      parameters: params,
      clientIpAddress: '',
    }) as {
      getLineCount(o: { group: string }): number;
    };
    expect(request.getLineCount({ group: 'custpage_none' })).toBe(-1);
  });
});

describe('N/redirect', () => {
  it('is refused outside a Suitelet request', () => {
    const registry = new ScriptRegistry([
      script('suitelet', 'customscript_sl', 'sl.js', [deployment('customdeploy_sl')]),
    ]);
    const redirect = createRedirectModule(
      new UiUrls({ registry, accountId: 'TSTDRV1', baseUrl: () => 'http://127.0.0.1:1' }),
    ) as {
      toSuitelet(o: { scriptId: string; deploymentId: string }): void;
    };
    const invocation = createInvocation({
      kind: 'restlet',
      scriptId: 'customscript_rl',
      deploymentId: 'customdeploy_rl',
      scriptType: 'RESTLET',
      startedAt: new Date(),
    });
    const e = runInvocation(invocation, () =>
      errorOf(() => redirect.toSuitelet({ scriptId: 'customscript_sl', deploymentId: 'customdeploy_sl' })),
    );
    expect(e.name).toBe('SSS_INVALID_API_USAGE');
  });
});
