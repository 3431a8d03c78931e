package org.ogcr.server;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.adapter.evm.EvmChainIndexer;
import org.ogcr.adapter.evm.EvmCreditLedger;
import org.ogcr.adapter.evm.EvmReconciliation;
import org.ogcr.adapter.jdbc.JdbcChainProjection;
import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.LedgerCommand;
import org.web3j.protocol.Web3j;

/**
 * The chain's event index in the registry's database, and the reconciliation of the registry's
 * record with it and with the token contract: what the server runs on a schedule and the {@code
 * reconcile} command runs once.
 */
final class ChainWatch {

  private final EvmChainIndexer indexer;
  private final EvmReconciliation reconciliation;
  private final DrivenPorts ports;

  ChainWatch(
      Web3j node,
      EvmCreditLedger chain,
      JdbcDatabase database,
      DrivenPorts ports,
      ServerConfig.EvmLedger evm) {
    JdbcChainProjection projection = JdbcChainProjection.over(database);
    this.indexer =
        new EvmChainIndexer(
            node,
            projection,
            EvmChainIndexer.Settings.of(evm.settings(), evm.startBlock(), evm.logWindow()));
    this.reconciliation = new EvmReconciliation(chain, projection);
    this.ports = ports;
  }

  /** One indexing round. */
  EvmChainIndexer.Round index() {
    return indexer.poll();
  }

  /**
   * Reads the registry, then brings the index up to date, then compares, so the index holds at
   * least every command the registry had relayed. A command relayed and confirmed in between can
   * still make a difference that is none, so any difference is checked again on a new reading of
   * both, and only those found twice are reported.
   */
  EvmReconciliation.Report reconcile() {
    EvmReconciliation.Report first = reconcileOnce();
    if (first.agrees()) {
      return first;
    }
    EvmReconciliation.Report second = reconcileOnce();
    return new EvmReconciliation.Report(
        second.at(),
        second.indexedTo(),
        second.checked(),
        second.skipped(),
        second.differences().stream().filter(first.differences()::contains).toList());
  }

  private EvmReconciliation.Report reconcileOnce() {
    Map<IssuanceId, List<CreditBlock>> blocks = new LinkedHashMap<>();
    Set<IssuanceId> waiting = new HashSet<>();
    ports
        .unitOfWork()
        .transact(
            () -> {
              for (var issuance : ports.issuances().list(Optional.empty(), Optional.empty())) {
                blocks.put(issuance.id(), ports.blocks().ofIssuance(issuance.id()));
              }
              // every command not relayed yet, however far its next attempt
              Instant never = Instant.now().plus(36_500, ChronoUnit.DAYS);
              for (var item : ports.outbox().due(never, 10_000)) {
                if (item.command() instanceof LedgerCommand.Mint m) {
                  waiting.add(m.issuance());
                } else if (item.command() instanceof LedgerCommand.Apply a) {
                  a.change().removed().forEach(b -> waiting.add(b.issuance()));
                  a.change().added().forEach(b -> waiting.add(b.issuance()));
                }
              }
              return null;
            });
    indexer.poll();
    return reconciliation.reconcile(blocks, waiting, Instant.now());
  }
}
