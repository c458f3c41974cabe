/**
 * What date-probe.ts must report whatever the host's time zone: the server's (Pacific) answers. The
 * clock stands at 2026-01-15T07:30:00Z (23:30 on the 14th in Pacific time); the UK order was placed
 * at 00:30 on the 15th London time (16:30 on the 14th in Pacific time), so NetSuite stores the 14th.
 */
export const EXPECTED_DATE_REPORT = {
  realm: {
    partsCtor: '2026-01-15T08:00:00.000Z',
    partsCtorLocal: [2026, 0, 15, 0, 4],
    ukMorningLocal: [14, 16, 30, 480],
    setHoursMidnight: '2026-01-14T08:00:00.000Z',
    localIso: '2026-01-15T18:00:00.000Z',
    dateOnlyIso: '2026-01-15T00:00:00.000Z',
    text: 'Wed Jul 01 2026 12:05:00 GMT-0700 (Pacific Daylight Time)',
    dateText: 'Wed Dec 31 1969',
    intl: '1/14/2026',
    locale: '1/14/2026',
    springGap: '2026-03-08T10:30:00.000Z',
    fallRepeat: '2026-11-01T08:30:00.000Z',
    summerOffset: 420,
    parsed: 1768500000000,
    calledAsFunction: 'string',
    instanceOfDate: true,
    hostDateIsDate: true,
    hostDateCopied: [14, 16],
    nextMonth: '2026-03-03T08:00:00.000Z',
  },
  records: {
    defaultTrandate: '1/14/2026',
    storedTrandate: '2026-01-14',
    readBack: [
      '2026-01-14T08:00:00.000Z',
      14,
      0,
      'Wed Jan 14 2026 00:00:00 GMT-0800 (Pacific Standard Time)',
    ],
    readText: '1/14/2026',
    shipdateFromText: '2026-02-01',
    createdIsInstant: 'object',
    todayMatches: 2,
    suiteql: [
      {
        d: '2026-01-14 00:00',
      },
    ],
  },
  formats: {
    date: '1/14/2026',
    datetime: '1/15/2026 12:30 pm',
    datetimetzDefault: '1/15/2026 12:30:00 pm',
    datetimetzLondon: '1/15/2026 8:30:00 pm',
    datetimetzKey: '1/16/2026 5:30:00 am',
    datetimetzInvalid: '1/15/2026 8:30:00 pm',
    parseDate: '2026-01-05T08:00:00.000Z',
    parseDateLocal: 5,
    parseDatetime: '2026-01-15T17:00:00.000Z',
    parseTokyo: '2026-01-15T00:00:00.000Z',
  },
  // The job ran at 07:30 UTC on the 15th: 23:30 on the 14th in Pacific time.
  mapReduce: { job: [14, 23], input: [14, 23], map: [14, 23], reduce: [14, 23] },
} as const;
