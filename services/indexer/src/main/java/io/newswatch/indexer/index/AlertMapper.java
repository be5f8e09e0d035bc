package io.newswatch.indexer.index;

import io.newswatch.contract.Alert;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.Json;
import io.newswatch.indexer.bulk.IndexOperation;
import io.newswatch.indexer.document.AlertDocument;
import io.newswatch.indexer.document.DocumentJson;

/** {@code alerts} records to alert documents, {@code _id} = alert id, the latest delivery state winning. */
public final class AlertMapper implements DocumentMapper {

    private final String alias;

    public AlertMapper(String alias) {
        this.alias = alias;
    }

    @Override
    public Mapped map(String key, String value) {
        Alert alert = Json.decode(value, Alert.class);
        if (alert.type() != null && !Alert.TYPE.equals(alert.type())) {
            throw new BadEventException("an event of type '" + alert.type() + "' where '" + Alert.TYPE
                    + "' was expected");
        }
        return new Mapped(IndexOperation.throughAlias(alias, alert.id(), AlertDocument.version(alert),
                DocumentJson.writeBytes(AlertDocument.of(alert))), alert.timestamp());
    }
}
