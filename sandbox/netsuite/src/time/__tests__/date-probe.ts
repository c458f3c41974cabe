import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestClock } from '../../../../../test/support/test-clock';
import { createInvocation, runInvocation } from '../../context';
import { createDataLayer } from '../../data';
import type { FormatModule } from '../../data/misc/format';
import type { QueryModule } from '../../data/query/module';
import type { RecordModule } from '../../data/record/module';
import type { SearchModule } from '../../data/search/module';
import { AmdLoader } from '../../exec/amd-loader';
import { runMapReduceJob } from '../../exec/mapreduce/mr-runner';

/**
 * Everything date-related the emulator does, as one JSON-able report: a script's own `Date` and
 * `Intl` in the scripts' realm, date fields set and read through `N/record`, the default `trandate`,
 * `N/format`, a relative search date and SuiteQL TO_CHAR. The same report must come out whatever the
 * host's time zone (host-zones.test.ts runs it in child processes under three zones).
 *
 * The clock stands at 2026-01-15T07:30:00Z: 23:30 on the 14th in Pacific time, 07:30 on the 15th
 * in London, 21:30 on the 15th at Kiritimati.
 */

/** A script, evaluated in the emulator's script realm, that reports what its Date and Intl do. */
const REALM_SCRIPT = `define([], function () {
  return {
    report: function (ukMorningMs, hostDate) {
      var jan15 = new Date(2026, 0, 15);
      var morning = new Date(ukMorningMs);
      var midnight = new Date(ukMorningMs);
      midnight.setHours(0, 0, 0, 0);
      return {
        partsCtor: jan15.toISOString(),
        partsCtorLocal: [jan15.getFullYear(), jan15.getMonth(), jan15.getDate(), jan15.getHours(), jan15.getDay()],
        ukMorningLocal: [morning.getDate(), morning.getHours(), morning.getMinutes(), morning.getTimezoneOffset()],
        setHoursMidnight: midnight.toISOString(),
        localIso: new Date('2026-01-15T10:00:00').toISOString(),
        dateOnlyIso: new Date('2026-01-15').toISOString(),
        text: String(new Date(Date.UTC(2026, 6, 1, 19, 5))),
        dateText: new Date(0).toDateString(),
        intl: new Intl.DateTimeFormat('en-US').format(morning),
        locale: morning.toLocaleDateString('en-US'),
        springGap: new Date(2026, 2, 8, 2, 30).toISOString(),
        fallRepeat: new Date(2026, 10, 1, 1, 30).toISOString(),
        summerOffset: new Date(2026, 6, 1).getTimezoneOffset(),
        parsed: Date.parse('Jan 15 2026 10:00'),
        calledAsFunction: typeof Date(),
        instanceOfDate: morning instanceof Date,
        hostDateIsDate: hostDate instanceof Date,
        hostDateCopied: [new Date(hostDate).getDate(), new Date(hostDate).getHours()],
        nextMonth: (function () { var d = new Date(2026, 0, 31); d.setMonth(1); return d.toISOString(); })()
      };
    }
  };
});`;

/** A map/reduce script whose summarize reports the local day and hour of the summary's dates. */
const MR_SCRIPT = `/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
define(['N/probe'], function (probe) {
  var local = function (d) { return [d.getDate(), d.getHours()]; };
  return {
    getInputData: function () { return ['x']; },
    map: function (context) { context.write(context.value, 1); },
    reduce: function (context) { context.write(context.key, context.values.length); },
    summarize: function (summary) {
      probe.seen = {
        job: local(summary.dateCreated),
        input: local(summary.inputSummary.dateCreated),
        map: local(summary.mapSummary.dateCreated),
        reduce: local(summary.reduceSummary.dateCreated)
      };
    }
  };
});`;

/** What a map/reduce job's summarize sees of its dates, with the clock at `clockIso`. */
function mapReduceReport(clockIso: string): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-probe-mr-'));
  try {
    fs.writeFileSync(path.join(dir, 'mr.js'), MR_SCRIPT);
    const probeModule: { seen?: unknown } = {};
    const modules = { 'N/probe': probeModule };
    const loader = new AmdLoader({
      resolveFileCabinetPath: (p) => path.join(dir, path.basename(p)),
      modules,
    });
    runMapReduceJob({
      scriptId: 'customscript_probe',
      deploymentId: 'customdeploy_probe',
      entryPoints: loader.loadEntryPoints({
        scriptid: 'customscript_probe',
        scriptfile: '/SuiteScripts/mr.js',
        objectType: 'mapreducescript',
      }),
      modules,
      clock: new TestClock(clockIso),
    });
    return probeModule.seen;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function realmReport(ukMorningMs: number): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-probe-'));
  try {
    fs.writeFileSync(path.join(dir, 'probe.js'), REALM_SCRIPT);
    const loader = new AmdLoader({
      resolveFileCabinetPath: (p) => path.join(dir, path.basename(p)),
      modules: {},
    });
    const mod = loader.require('/SuiteScripts/probe.js') as { report(ms: number, hostDate: Date): unknown };
    // A Date made outside the scripts' realm (as the emulator's own code makes them).
    return mod.report(ukMorningMs, new Date(ukMorningMs));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function probe(): Record<string, unknown> {
  const ukMorning = Date.UTC(2026, 0, 15, 0, 30); // 00:30 on the 15th in London, 16:30 on the 14th in Pacific time
  const data = createDataLayer({
    project: { customRecords: [], standaloneFields: [], customLists: [] },
    clock: new TestClock('2026-01-15T07:30:00Z'),
  });
  const record = data.modules['N/record'] as RecordModule;
  const format = data.modules['N/format'] as FormatModule;
  const search = data.modules['N/search'] as SearchModule;
  const query = data.modules['N/query'] as QueryModule;
  const run = <T>(fn: () => T): T =>
    runInvocation(
      createInvocation({
        kind: 'restlet',
        scriptId: 's',
        deploymentId: 'd',
        scriptType: 'RESTLET',
        startedAt: new Date(0),
      }),
      fn,
    );
  const realm = realmReport(ukMorning) as Record<string, unknown>;
  const mapReduce = mapReduceReport('2026-01-15T07:30:00Z');
  try {
    const customer = data.seed.customer({ companyname: 'Buyer' });
    const location = data.seed.location('Main');
    const paymentmethod = data.seed.paymentMethod('Card');
    const item = data.seed.inventoryItem({ itemid: 'SKU', quantities: { [location]: 5 } });
    const records = run(() => {
      const so = record.create({ type: 'salesorder' });
      const defaultTrandate = so.getText('trandate');
      so.setValue({ fieldId: 'entity', value: customer });
      so.setValue({ fieldId: 'paymentmethod', value: paymentmethod });
      so.setValue({ fieldId: 'location', value: location });
      so.setValue({ fieldId: 'trandate', value: new Date(ukMorning) });
      so.setValue({
        fieldId: 'shipdate',
        value: format.parse({ value: '1/20/2026', type: format.Type.DATE }),
      });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
      const id = so.save();
      const loaded = record.load({ type: 'salesorder', id });
      const trandate = loaded.getValue('trandate') as Date;
      loaded.setText({ fieldId: 'shipdate', text: '2/1/2026' });
      loaded.save();
      return {
        defaultTrandate,
        storedTrandate: data.store.get('salesorder', id)?.fields.trandate,
        readBack: [trandate.toISOString(), trandate.getDate(), trandate.getHours(), String(trandate)],
        readText: loaded.getText('trandate'),
        shipdateFromText: data.store.get('salesorder', id)?.fields.shipdate,
        createdIsInstant: typeof loaded.getValue('createddate'),
        todayMatches: search
          .create({ type: 'salesorder', filters: [['trandate', 'on', 'today']], columns: ['tranid'] })
          .run()
          .getRange({ start: 0, end: 5 }).length,
        suiteql: query
          .runSuiteQL({ query: "SELECT TO_CHAR(trandate, 'YYYY-MM-DD HH24:MI') AS d FROM transaction" })
          .asMappedResults(),
      };
    });
    const instant = new Date('2026-01-15T20:30:00Z');
    const formats = run(() => ({
      date: format.format({ value: new Date(ukMorning), type: format.Type.DATE }),
      datetime: format.format({ value: instant, type: format.Type.DATETIME }),
      datetimetzDefault: format.format({ value: instant, type: format.Type.DATETIMETZ }),
      datetimetzLondon: format.format({
        value: instant,
        type: format.Type.DATETIMETZ,
        timezone: format.Timezone.EUROPE_LONDON,
      }),
      datetimetzKey: format.format({ value: instant, type: format.Type.DATETIMETZ, timezone: 'ASIA_TOKYO' }),
      datetimetzInvalid: format.format({
        value: instant,
        type: format.Type.DATETIMETZ,
        timezone: 'Mars/Olympus',
      }),
      parseDate: (format.parse({ value: '1/5/2026', type: format.Type.DATE }) as Date).toISOString(),
      parseDateLocal: (format.parse({ value: '1/5/2026', type: format.Type.DATE }) as Date).getDate(),
      parseDatetime: (
        format.parse({ value: '1/15/2026 9:00 am', type: format.Type.DATETIME }) as Date
      ).toISOString(),
      parseTokyo: (
        format.parse({
          value: '1/15/2026 9:00:00 am',
          type: format.Type.DATETIMETZ,
          timezone: 'Asia/Tokyo',
        }) as Date
      ).toISOString(),
    }));
    return { realm, records, formats, mapReduce };
  } finally {
    data.close();
  }
}
