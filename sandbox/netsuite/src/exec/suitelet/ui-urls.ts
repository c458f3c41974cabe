/**
 * URLs of the account's pages as NetSuite builds them: Suitelets and RESTlets by numeric script id
 * and deployment number (`/app/site/hosting/scriptlet.nl?script=1003&deploy=1`), records by their
 * entry form. Internal URLs are relative, as `url.resolveScript` returns them; external ones are
 * absolute on the emulator's host and carry `compid` (the account).
 */
import { SuiteScriptError } from '../../errors';
import type { ScriptRegistry } from '../script-registry';

export const SUITELET_PATH = '/app/site/hosting/scriptlet.nl';
export const RESTLET_URL_PATH = '/app/site/hosting/restlet.nl';
export const LOGIN_PATH = '/app/login/secure/enterpriselogin.nl';

export interface UiUrlsOptions {
  registry: ScriptRegistry;
  accountId: string;
  /** `http://127.0.0.1:<port>` once the host listens. */
  baseUrl(): string;
}

/** Entry forms of the standard records the connector links to. */
const RECORD_PAGES: Readonly<Record<string, string>> = {
  salesorder: '/app/accounting/transactions/salesord.nl',
  itemfulfillment: '/app/accounting/transactions/itemship.nl',
  returnauthorization: '/app/accounting/transactions/rtnauth.nl',
  cashrefund: '/app/accounting/transactions/cashrfnd.nl',
  cashsale: '/app/accounting/transactions/cashsale.nl',
  invoice: '/app/accounting/transactions/custinvc.nl',
  creditmemo: '/app/accounting/transactions/custcred.nl',
  customer: '/app/common/entity/custjob.nl',
  inventoryitem: '/app/common/item/item.nl',
  location: '/app/common/otherlists/locationtype.nl',
  accountingperiod: '/app/setup/period/fiscalperiod.nl',
};

export function queryString(params: Readonly<Record<string, unknown>> | undefined): string {
  return Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function withParams(url: string, params: Readonly<Record<string, unknown>> | undefined): string {
  const extra = queryString(params);
  if (extra === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${extra}`;
}

export class UiUrls {
  constructor(private readonly options: UiUrlsOptions) {}

  /** `url.resolveScript`: a Suitelet's or RESTlet's URL. */
  script(
    scriptId: unknown,
    deploymentId: unknown,
    params?: Readonly<Record<string, unknown>>,
    external = false,
  ): string {
    const { script, deployment } = this.options.registry.require(
      String(scriptId ?? ''),
      String(deploymentId ?? ''),
    );
    const type = script.script.objectType;
    if (type !== 'suitelet' && type !== 'restlet') {
      throw new SuiteScriptError(
        'SSS_INVALID_SCRIPT_ID',
        `Script ${script.script.scriptid} is a ${type}; only Suitelets and RESTlets have URLs.`,
      );
    }
    const path = type === 'suitelet' ? SUITELET_PATH : RESTLET_URL_PATH;
    const base = `${path}?script=${script.internalId}&deploy=${deployment.number}`;
    if (!external) return withParams(base, params);
    return withParams(
      `${this.options.baseUrl()}${base}&compid=${encodeURIComponent(this.options.accountId)}`,
      params,
    );
  }

  /** `url.resolveRecord`: the record's entry form. */
  record(
    recordType: unknown,
    recordId: unknown,
    isEditMode = false,
    params?: Readonly<Record<string, unknown>>,
  ): string {
    const type = String(recordType ?? '').toLowerCase();
    if (type === '')
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: recordType');
    const page = type.startsWith('customrecord')
      ? `/app/common/custom/custrecordentry.nl?rectype=${encodeURIComponent(type)}`
      : (RECORD_PAGES[type] ?? `/app/common/record/${encodeURIComponent(type)}.nl`);
    const id = recordId === undefined || recordId === null || recordId === '' ? {} : { id: String(recordId) };
    return withParams(page, { ...id, ...(isEditMode ? { e: 'T' } : {}), ...params });
  }

  /** Host name of the emulator (`url.resolveDomain`): every host type is served by the same server. */
  domain(): string {
    return new URL(this.options.baseUrl()).host;
  }

  absolute(url: string): string {
    return url.startsWith('/') ? `${this.options.baseUrl()}${url}` : url;
  }
}
