package io.newswatch.contract;

/** Kinds of named entities. More may be added; consumers must tolerate values they do not know. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION
}
