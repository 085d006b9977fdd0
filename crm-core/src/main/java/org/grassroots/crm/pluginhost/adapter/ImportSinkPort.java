package org.grassroots.crm.pluginhost.adapter;

import java.util.List;

import org.grassroots.crm.petitions.SignatureImports;
import org.grassroots.crm.plugin.api.petitions.ImportSink;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.springframework.stereotype.Component;

/**
 * The {@link ImportSink} port, for a plugin that imports signatures in a job of its own (for example one that pulls
 * them from a platform's API): the same staged batches as the import wizard, recorded as imported by the plugin.
 * Rejected rows have no file layout, so their download lists the mapped fields.
 */
@Component
class ImportSinkPort implements PluginPortSource<ImportSink> {

    private final SignatureImports imports;

    ImportSinkPort(SignatureImports imports) {
        this.imports = imports;
    }

    @Override
    public Class<ImportSink> portType() {
        return ImportSink.class;
    }

    @Override
    public ImportSink forPlugin(PluginScope scope) {
        return new PluginSink(scope.pluginId(), imports);
    }

    private record PluginSink(String pluginId, SignatureImports imports) implements ImportSink {

        @Override
        public SignatureBatch open(SignatureImportRequest request) {
            return imports.open(request, null, "plugin:" + pluginId, List.of(), "{}", line -> { });
        }
    }
}
