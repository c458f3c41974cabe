/** `N/ui/serverWidget`, `N/url` and `N/redirect` (no usage units: NetSuite charges none). */
import { currentInvocation, hasInvocation } from '../../context';
import { SuiteScriptError } from '../../errors';
import type { SuiteletOutput } from './suitelet-http';
import type { UiUrls } from './ui-urls';
import { queryString } from './ui-urls';
import {
  FieldBreakType,
  FieldDisplayType,
  FieldLayoutType,
  FieldType,
  FormPageLinkType,
  SublistDisplayType,
  SublistType,
} from './widget-enums';
import { UiForm } from './widgets';

export function createServerWidgetModule(): Record<string, unknown> {
  return {
    FieldType,
    SublistType,
    FieldDisplayType,
    FieldLayoutType,
    FieldBreakType,
    SublistDisplayType,
    FormPageLinkType,
    createForm: (options: { title: string; hideNavBar?: boolean }) => new UiForm(options),
  };
}

export const HostType = {
  APPLICATION: 'APPLICATION',
  CUSTOMER_CENTER: 'CUSTOMERCENTER',
  FORM: 'FORM',
  RESTLET: 'RESTLET',
  SUITETALK: 'SUITETALK',
} as const;

interface ResolveScriptOptions {
  scriptId: string;
  deploymentId: string;
  params?: Record<string, unknown>;
  returnExternalUrl?: boolean;
}

export function createUrlModule(urls: UiUrls): Record<string, unknown> {
  return {
    HostType,
    resolveScript: (o: ResolveScriptOptions) =>
      urls.script(o?.scriptId, o?.deploymentId, o?.params, o?.returnExternalUrl === true),
    resolveRecord: (o: {
      recordType: string;
      recordId?: unknown;
      isEditMode?: boolean;
      params?: Record<string, unknown>;
    }) => urls.record(o?.recordType, o?.recordId, o?.isEditMode === true, o?.params),
    resolveDomain: () => urls.domain(),
    format: (o: { domain: string; params?: Record<string, unknown> }) => {
      const query = queryString(o?.params);
      const domain = String(o?.domain ?? '');
      return query === '' ? domain : `${domain}${domain.includes('?') ? '&' : '?'}${query}`;
    },
  };
}

/** The running Suitelet's output, or SSS_INVALID_API_USAGE outside a Suitelet request. */
function currentOutput(method: string): SuiteletOutput {
  const output = hasInvocation() ? currentInvocation().extra.suiteletOutput : undefined;
  if (!output) {
    throw new SuiteScriptError(
      'SSS_INVALID_API_USAGE',
      `${method} sets the redirect of a Suitelet response; it can only be called while a Suitelet handles a request.`,
    );
  }
  return output as SuiteletOutput;
}

export function createRedirectModule(urls: UiUrls): Record<string, unknown> {
  return {
    toSuitelet(o: {
      scriptId: string;
      deploymentId: string;
      parameters?: Record<string, unknown>;
      isExternal?: boolean;
    }): void {
      currentOutput('redirect.toSuitelet').redirectTo(
        urls.script(o?.scriptId, o?.deploymentId, o?.parameters, o?.isExternal === true),
      );
    },
    toRecord(o: {
      type: string;
      id: unknown;
      isEditMode?: boolean;
      parameters?: Record<string, unknown>;
    }): void {
      currentOutput('redirect.toRecord').redirectTo(
        urls.record(o?.type, o?.id, o?.isEditMode === true, o?.parameters),
      );
    },
    redirect(o: { url: string; parameters?: Record<string, unknown> }): void {
      const query = queryString(o?.parameters);
      const url = String(o?.url ?? '');
      currentOutput('redirect.redirect').redirectTo(
        query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`,
      );
    },
  };
}
