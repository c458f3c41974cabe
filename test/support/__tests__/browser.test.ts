import type { ChromiumLookup } from '../browser';
import { CHROMIUM_CANDIDATES, chromiumDecision, describeWithChromium, findChromium } from '../browser';

/**
 * When the browser tests run, fail or are skipped (issue #21 item 6): with Chromium they run; without
 * it they fail under CI=true (a CI run must not pass without them) and are skipped elsewhere, the
 * message saying what is missing and how to install it. The environment and the file lookup are
 * injected, so this runs on any machine, with or without a browser.
 */
function lookup(env: Record<string, string | undefined>, files: readonly string[] = []): ChromiumLookup {
  return { env, exists: (file) => files.includes(file) };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it exists, before the usual places', () => {
    expect(
      findChromium(
        lookup({ CHROMIUM_PATH: '/opt/chrome/chrome' }, ['/opt/chrome/chrome', '/usr/bin/chromium']),
      ),
    ).toBe('/opt/chrome/chrome');
  });

  it("finds Debian's chromium, else the other usual places, in order", () => {
    expect(findChromium(lookup({}, ['/usr/bin/chromium', '/usr/bin/google-chrome']))).toBe(
      '/usr/bin/chromium',
    );
    expect(findChromium(lookup({}, ['/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser']))).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findChromium(lookup({ CHROMIUM_PATH: '' }, ['/usr/bin/google-chrome']))).toBe(
      '/usr/bin/google-chrome',
    );
  });

  it('finds nothing when CHROMIUM_PATH names a missing file (it does not fall back silently), or nothing is installed', () => {
    expect(findChromium(lookup({ CHROMIUM_PATH: '/nope/chrome' }, ['/usr/bin/chromium']))).toBeNull();
    expect(findChromium(lookup({}))).toBeNull();
  });
});

describe('chromiumDecision', () => {
  it('runs with the binary found, under CI or not', () => {
    for (const CI of ['true', undefined]) {
      expect(chromiumDecision(lookup({ CI }, ['/usr/bin/chromium']))).toEqual({
        action: 'run',
        chromium: '/usr/bin/chromium',
      });
    }
  });

  it('fails under CI=true without Chromium, saying how to install it', () => {
    const decision = chromiumDecision(lookup({ CI: 'true' }));
    expect(decision.action).toBe('fail');
    const message = decision.action === 'run' ? '' : decision.message;
    expect(message).toContain('apt-get install -y chromium');
    expect(message).toContain('CHROMIUM_PATH');
    expect(message).toContain('Under CI=true the browser tests fail rather than skip');
    for (const place of CHROMIUM_CANDIDATES) expect(message).toContain(place);
  });

  it('skips elsewhere (CI unset, empty or not "true"), with the same fix', () => {
    for (const CI of [undefined, '', 'false', '0']) {
      const decision = chromiumDecision(lookup({ CI }));
      expect(decision.action).toBe('skip');
      const message = decision.action === 'run' ? '' : decision.message;
      expect(message).toContain('apt-get install -y chromium');
      expect(message).toContain('skipped');
    }
  });

  it('names a CHROMIUM_PATH that does not exist', () => {
    const ci = chromiumDecision(lookup({ CI: 'true', CHROMIUM_PATH: '/nope/chrome' }, ['/usr/bin/chromium']));
    expect(ci).toMatchObject({
      action: 'fail',
      message: expect.stringContaining('CHROMIUM_PATH is "/nope/chrome"'),
    });
    const local = chromiumDecision(lookup({ CHROMIUM_PATH: '/nope/chrome' }));
    expect(local).toMatchObject({ action: 'skip', message: expect.stringContaining('which does not exist') });
  });
});

describe('describeWithChromium', () => {
  /** What describeWithChromium registers, with Jest's describe / it / describe.skip stood in for. */
  function registered(l: ChromiumLookup): {
    blocks: string[];
    skipped: string[];
    failures: string[];
    bodies: string[];
  } {
    const out = {
      blocks: [] as string[],
      skipped: [] as string[],
      failures: [] as string[],
      bodies: [] as string[],
    };
    const g = globalThis as unknown as { describe: unknown; it: unknown };
    const saved = { describe: g.describe, it: g.it };
    const fakeDescribe = Object.assign(
      (name: string, fn: () => void) => {
        out.blocks.push(name);
        fn();
      },
      { skip: (name: string) => out.skipped.push(name) },
    );
    g.describe = fakeDescribe;
    g.it = (_name: string, fn: () => void) => {
      try {
        fn();
      } catch (e) {
        out.failures.push((e as Error).message);
      }
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      describeWithChromium('pages', (chromium) => out.bodies.push(chromium), l);
    } finally {
      g.describe = saved.describe;
      g.it = saved.it;
      warn.mockRestore();
    }
    return out;
  }

  it('registers the tests with the binary when Chromium is there', () => {
    expect(registered(lookup({ CI: 'true' }, ['/usr/bin/chromium']))).toEqual({
      blocks: ['pages'],
      skipped: [],
      failures: [],
      bodies: ['/usr/bin/chromium'],
    });
  });

  it('registers one failing test under CI=true without Chromium, and not the tests', () => {
    const out = registered(lookup({ CI: 'true' }));
    expect(out.blocks).toEqual(['pages']);
    expect(out.bodies).toEqual([]);
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0]).toContain('apt-get install -y chromium');
  });

  it('skips the block locally without Chromium, the reason in its name', () => {
    const out = registered(lookup({}));
    expect(out.blocks).toEqual([]);
    expect(out.failures).toEqual([]);
    expect(out.skipped).toHaveLength(1);
    expect(out.skipped[0]).toMatch(/^pages \(skipped: Headless Chromium is not installed/);
  });
});
