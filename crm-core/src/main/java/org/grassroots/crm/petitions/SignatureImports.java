package org.grassroots.crm.petitions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.grassroots.crm.geo.ZipCodes;
import org.grassroots.crm.people.ErasedAddresses;
import org.grassroots.crm.petitions.internal.SignatureMergeSql;
import org.grassroots.crm.petitions.internal.SignatureRowRules;
import org.grassroots.crm.petitions.internal.StagedSignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Where imported signatures are stored: opens a batch in a new transaction on the calling thread, with a staging
 * table filled by COPY and merged set-based at the end (see {@link StagedSignatureBatch}). For the import job and
 * the plugin port; runs as the system, so callers check who may import.
 */
@Component
public class SignatureImports {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final JdbcClient jdbc;
    private final SignatureMergeSql merge;
    private final ErasedAddresses erasedAddresses;
    private final SignatureRowRules rules;
    private final ZipCodes zipCodes;
    private final Clock clock;

    SignatureImports(DataSource dataSource, PlatformTransactionManager transactions, JdbcClient jdbc,
            SignatureMergeSql merge, ErasedAddresses erasedAddresses, ZipCodes zipCodes, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.merge = merge;
        this.erasedAddresses = erasedAddresses;
        this.rules = new SignatureRowRules(zipCodes);
        this.zipCodes = zipCodes;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the petition does not exist
     */
    public SignatureBatch open(SignatureImportRequest request, @Nullable Long jobId, String requestedBy,
            List<String> headers, String mappingJson, Consumer<String> log) {
        // settled before the COPY starts: while it runs, the connection can serve no other query (the ZIP table is
        // read once and kept), and the hash key may be created in a transaction of its own
        zipCodes.stateOf("50309");
        StagedSignatureBatch.EmailHasher hasher = erasedAddresses.anyErased() ? erasedAddresses::hash : null;
        if (hasher != null) {
            hasher.hash("warm-up@example.org");
        }
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(
                TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        definition.setName("petition import");
        TransactionStatus transaction = transactions.getTransaction(definition);
        try {
            boolean petitionExists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition WHERE id = :id)")
                    .param("id", request.petitionId()).query(Boolean.class).single();
            if (!petitionExists) {
                throw new IllegalArgumentException("There is no petition #" + request.petitionId());
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            return new StagedSignatureBatch(request,
                    new StagedSignatureBatch.BatchRecord(jobId, requestedBy, headers, mappingJson), transactions,
                    transaction, connection, rules, merge, hasher, log, clock.instant());
        } catch (SQLException | RuntimeException e) {
            transactions.rollback(transaction);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Could not start the import: " + e.getMessage(), e);
        }
    }
}
