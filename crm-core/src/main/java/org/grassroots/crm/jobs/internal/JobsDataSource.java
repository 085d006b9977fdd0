package org.grassroots.crm.jobs.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The application's data source as db-scheduler sees it: inside a Spring transaction it hands out that
 * transaction's connection, so submitting a job (the row and its execution) commits or rolls back with the caller's
 * work; outside one it is the plain pool.
 */
@Component
class JobsDataSource {

    private final DataSource transactionAware;

    JobsDataSource(DataSource dataSource) {
        this.transactionAware = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource : new TransactionAwareDataSourceProxy(dataSource);
    }

    DataSource get() {
        return transactionAware;
    }
}
