/** The figures of a chaos run as the text the test prints. */
import type { ChaosOutcome } from './chaos-run';
import type { OrderKind } from './chaos-plan';

const money = (cents: number): string => `${cents < 0 ? '-' : ''}${(Math.abs(cents) / 100).toFixed(2)}`;

export function formatChaosReport(o: ChaosOutcome): string {
  const kinds = new Map<OrderKind, number>();
  for (const order of o.created.byId.values()) kinds.set(order.kind, (kinds.get(order.kind) ?? 0) + 1);
  const t = o.tieOut;
  const gapLines = Object.entries(t.gaps)
    .filter(([, g]) => g.orders > 0)
    .map(
      ([figure, g]) =>
        `    ${figure}: ${g.orders} orders, net ${figure === 'units' ? g.netDifference : money(g.netDifference)}`,
    );
  return [
    `Chaos run: exactly-once order import (${o.account.profile} account, ${o.account.shopRegion} shop)`,
    `  duration                    ${(o.durationMs / 1000).toFixed(1)} s (settled: ${o.settled})`,
    `  orders created in TikTok    ${o.created.byId.size} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    `  bridge SIGKILLs             ${o.kills.now + o.kills.afterRestletCommit} (${o.kills.now} mid-upsert, ${o.kills.afterRestletCommit} right after a NetSuite commit); ${o.bridgeStarts} starts`,
    `  app-server restarts         ${o.restartsInjected} injected into import map; ${o.importRuns} import runs (${o.safetyNetRuns} by the scheduled safety net), ${o.mapInvocations} map invocations, ${o.failedImportTasks} failed tasks`,
    `  overlapping import runs     ${o.overlappingScheduledRuns} scheduled runs interleaved with on-demand ones; map results ${Object.entries(
      o.importResults,
    )
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  new sales order saves       ${o.salesOrderSaves.saved} saved, ${o.salesOrderSaves.duplicates} refused as duplicates (DUP_RCRD), ${o.salesOrderSaves.otherFailures} cut by a restart`,
    `  inbox write failures        after ${o.inboxWriteFailures.salesOrders} sales order saves, ${o.inboxWriteFailures.failedWrites} inbox writes failed (UNEXPECTED_ERROR); ${o.inboxWriteFailures.retriesBroughtForward} automatic retries brought forward`,
    `  webhooks (TikTok side)      ${o.deliveries.notifications} notifications, ${o.deliveries.dropped} dropped by the knob, ${o.deliveries.attempts} delivery attempts (${o.deliveries.failedAttempts} failed, retried by TikTok)`,
    `  webhooks (bridge side)      ${o.fanout.copiesSent} POSTs to the bridge (${o.fanout.copiesOk} answered 200, ${o.fanout.copiesFailed} failed), ${o.store.webhookInboxRows} distinct webhook notifications`,
    `  orders TikTok never sent    ${o.deliveries.ordersNeverSent.length} (every webhook dropped; recovered by reconciliation)`,
    `  reconciliation              ${o.syncRuns.length} \`reconcile orders\` run(s), exit codes ${o.syncRuns.map((r) => r.code).join(', ')}`,
    `  retries                     TikTok calls ${o.log.tiktokRetries}, NetSuite calls ${o.log.netsuiteRetries} (${o.netsuiteRejections} SSS_REQUEST_LIMIT_EXCEEDED, peak ${o.peakRestletConcurrency} concurrent), jobs ${o.store.jobRetries}`,
    `  bridge jobs                 ${o.store.jobs} (${o.store.jobsDone} done, ${o.store.pending} pending, ${o.store.strandedLeases} leased by killed processes)`,
    `  dead letters                ${o.store.deadLetters.length}${o.store.deadLetters
      .slice(0, 3)
      .map((d) => `\n    ${d.kind}: ${d.reason}`)
      .join('')}`,
    `  sales orders                ${t.salesOrders}; imported exactly once ${t.importedOnce}; duplicates ${t.duplicates.length} (by externalid ${t.duplicatesByExternalId}, by PO # ${t.duplicatesByPoNumber}); missing ${t.missing.length}; unexpected ${t.unexpected.length}; inbox not marked imported ${t.notMarkedImported.length}`,
    `  visible exceptions          ${
      Object.entries(t.exceptionsByState)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || 'none'
    }; invisible ${t.invisible.length}`,
    `  totals vs TikTok payment    ${t.tiedOut} of ${t.importedOnce} sales orders tie out to the cent (merchandise, shipping, tax, buyer-paid fees, total, open units); ${t.tiedOutWithFees} with buyer-paid fees, ${t.tiedOutWithBundles} with a virtual bundle (imported as its components), ${t.tiedOutCancelled} cancelled by TikTok after import (every line closed)`,
    `  buyer cancel requests       ${Object.entries(o.requests.byKind)
      .map(
        ([kind, k]) =>
          `${kind} ${k?.orders ?? 0} (${Object.entries(k?.outcomes ?? {})
            .map(([outcome, n]) => `${outcome} ${n}`)
            .join(', ')})`,
      )
      .join('; ')}`,
    `  answers from NetSuite       ${o.requests.answered.accept} accepted, ${o.requests.answered.reject} rejected on the sales order, ${o.requests.tooLate} too late (deadline passed); ${o.requests.retriedSaves} saves retried after a concurrent update; answer rows ${Object.entries(
      o.requests.answerRows,
    )
      .map(([state, n]) => `${state} ${n}`)
      .join(
        ', ',
      )}; ${o.requests.outboxRuns.length} \`sync outbox\` runs; unsettled ${o.requests.unsettled.length}`,
    ...(gapLines.length > 0
      ? ['  other differing figures', ...gapLines, ...t.examples.map((e) => `    e.g. ${e}`)]
      : []),
    ...[
      ...t.missing,
      ...t.duplicates,
      ...t.unexpected,
      ...t.invisible,
      ...t.notMarkedImported,
      ...o.requests.unsettled,
    ]
      .slice(0, 10)
      .map((i) => `  ! ${i.kind} ${i.orderId}: ${i.problem}`),
  ].join('\n');
}
