import { createInvocation, runInvocation } from '../../context';
import type { AccountProfile } from '../account-profile';
import {
  DEFAULT_PROFILE,
  READY_PROFILES,
  UK_VAT,
  US_ONEWORLD,
  US_SUITETAX,
  catalogueProfilesOf,
  defineProfile,
  resolveProfile,
} from '../account-profile';
import { FEATURE } from '../features';
import type { ProfileWorld } from './profile-harness';
import { startProfile } from './profile-harness';

/**
 * Account profiles as one object: the features in effect, currencies, tax set-up, time zone and
 * country of the account the emulator is; `runtime.isFeatureInEffect` and the demo account follow it.
 */

interface Runtime {
  country: string;
  isFeatureInEffect(o: { feature: string }): boolean;
  getCurrentUser(): { getPreference(o: { name: string }): string | null };
}

describe('account profiles', () => {
  it('provides three consistent ready profiles, the default being the US OneWorld account the emulator always was', () => {
    expect(READY_PROFILES.map((p) => p.id)).toEqual(['us-oneworld', 'uk-vat', 'us-suitetax']);
    for (const p of READY_PROFILES) expect(defineProfile(p)).toBe(p);
    expect(DEFAULT_PROFILE).toBe(US_ONEWORLD);
    expect(resolveProfile(undefined)).toBe(US_ONEWORLD);
    expect(resolveProfile('uk-vat')).toBe(UK_VAT);
    expect(US_ONEWORLD).toMatchObject({
      country: 'US',
      baseCurrency: 'USD',
      tax: 'us-legacy',
      timeZone: 'America/Los_Angeles',
    });
    expect(UK_VAT).toMatchObject({
      country: 'GB',
      baseCurrency: 'GBP',
      tax: 'non-us-legacy',
      timeZone: 'Europe/London',
    });
    expect(US_SUITETAX).toMatchObject({ country: 'US', baseCurrency: 'USD', tax: 'suitetax' });
    expect(US_ONEWORLD.features).toEqual(
      expect.arrayContaining([
        'SUBSIDIARIES',
        'MULTICURRENCY',
        'LOCATIONS',
        'MULTILOCINVT',
        'DEPARTMENTS',
        'CLASSES',
      ]),
    );
    expect(UK_VAT.features).not.toEqual(expect.arrayContaining(['SUBSIDIARIES']));
    expect(UK_VAT.taxCodes.map((c) => [c.name, c.rate, c.exempt === true])).toEqual([
      ['S', 20, false],
      ['Z', 0, false],
      ['E', 0, true],
    ]);
    expect(US_SUITETAX.features).toContain('TAX_OVERHAULING');
  });

  it('maps each profile to the records-catalogue profiles of supplement.json', () => {
    expect(catalogueProfilesOf(US_ONEWORLD)).toEqual(['us-legacy-tax', 'multi-location']);
    expect(catalogueProfilesOf(UK_VAT)).toEqual(['non-us-legacy-tax']);
    expect(catalogueProfilesOf(US_SUITETAX)).toEqual(['suitetax', 'multi-location']);
  });

  it('refuses an inconsistent profile, naming every problem, and an unknown profile id', () => {
    const broken: AccountProfile = {
      ...UK_VAT,
      id: 'broken',
      currencies: [...UK_VAT.currencies, { symbol: 'EUR', name: 'Euro', exchangeRate: 0.85 }],
      features: [...UK_VAT.features, FEATURE.MULTILOCINVT, FEATURE.TAX_OVERHAULING].filter(
        (f) => f !== FEATURE.LOCATIONS,
      ),
      timeZone: 'Mars/Olympus',
    };
    expect(() => defineProfile(broken)).toThrow(
      "Account profile broken is inconsistent: it lists 2 currencies without the MULTICURRENCY feature; MULTILOCINVT needs the LOCATIONS feature; tax 'non-us-legacy' is not SuiteTax but the TAX_OVERHAULING feature; time zone Mars/Olympus is not an IANA time zone.",
    );
    expect(() => resolveProfile('ca-gst')).toThrow(
      'Unknown account profile ca-gst: use us-oneworld, uk-vat, us-suitetax, or pass a profile object.',
    );
  });

  describe.each([
    [
      'us-oneworld',
      {
        SUBSIDIARIES: true,
        MULTICURRENCY: true,
        MULTILOCINVT: true,
        DEPARTMENTS: true,
        TAX_OVERHAULING: false,
      },
      'America/Los_Angeles',
    ],
    [
      'uk-vat',
      {
        SUBSIDIARIES: false,
        MULTICURRENCY: false,
        LOCATIONS: true,
        MULTILOCINVT: false,
        CLASSES: false,
        TAX_OVERHAULING: false,
      },
      'Europe/London',
    ],
    [
      'us-suitetax',
      { SUBSIDIARIES: false, MULTICURRENCY: false, MULTILOCINVT: true, TAX_OVERHAULING: true },
      'America/New_York',
    ],
  ])('an emulator with profile %s', (id, features, timeZone) => {
    let w: ProfileWorld;
    beforeAll(async () => {
      w = await startProfile(id);
    });
    afterAll(async () => {
      await w.ns.stop();
    });

    it('answers runtime.isFeatureInEffect from the profile (case-insensitively), whatever the manifest lists', () => {
      const runtime = w.module<Runtime>('N/runtime');
      const answers = Object.fromEntries(
        Object.keys(features).map((f) => [f, runtime.isFeatureInEffect({ feature: f.toLowerCase() })]),
      );
      expect(answers).toEqual(features);
      expect(w.ns.profile.id).toBe(id);
    });

    it("answers runtime.country with the company's country", () => {
      const runtime = w.module<Runtime>('N/runtime');
      expect(runtime.country).toBe(w.ns.profile.country);
      expect(runtime.country).toBe(id === 'uk-vat' ? 'GB' : 'US');
    });

    it("answers the user's TIMEZONE preference with the company time zone", () => {
      const runtime = w.module<Runtime>('N/runtime');
      expect(w.run(() => runtime.getCurrentUser().getPreference({ name: 'TIMEZONE' }))).toBe(timeZone);
    });

    it('seeds the demo account for the profile: its currencies (base currency id 1) and tax codes', () => {
      const profile = w.ns.profile;
      expect(w.account.currencyIds[profile.baseCurrency]).toBe(1);
      expect(Object.keys(w.account.currencyIds).sort()).toEqual(
        profile.currencies.map((c) => c.symbol).sort(),
      );
      expect(Object.keys(w.account.taxCodeIds)).toEqual(profile.taxCodes.map((c) => c.name));
      expect(w.account.subsidiaryId === null).toBe(!features.SUBSIDIARIES);
      const currency = w.ns.store.get('currency', 1);
      expect(currency?.fields).toMatchObject({
        symbol: profile.baseCurrency,
        isbasecurrency: true,
        exchangerate: 1,
      });
    });
  });

  it('keeps the ids of everything a test creates where they were: the set-up records take the ids below 100', async () => {
    const w = await startProfile('us-oneworld');
    try {
      expect(
        Math.max(...Object.values(w.account.currencyIds), ...Object.values(w.account.taxCodeIds)),
      ).toBeLessThan(100);
      expect(Math.min(w.account.customerId, w.account.locationIds.main)).toBeGreaterThanOrEqual(100);
    } finally {
      await w.ns.stop();
    }
  });

  it('runs the user preference lookup only for known preferences (null otherwise)', async () => {
    const w = await startProfile('uk-vat');
    try {
      const runtime = w.module<Runtime>('N/runtime');
      const inv = createInvocation({
        kind: 'restlet',
        scriptId: 's',
        deploymentId: 'd',
        scriptType: 'RESTLET',
        startedAt: new Date(),
      });
      expect(
        runInvocation(inv, () => runtime.getCurrentUser().getPreference({ name: 'NOSUCHPREF' })),
      ).toBeNull();
    } finally {
      await w.ns.stop();
    }
  });
});
