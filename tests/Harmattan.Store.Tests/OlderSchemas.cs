namespace Harmattan.Store.Tests;

/// <summary>SQL that turns today's tables back into what an older schema version held, to test its migration.</summary>
internal static class OlderSchemas
{
    /// <summary>
    /// What schema version 13 held, as far as later migrations changed it (the same SQL on both backends): before
    /// version 17, no counts kept of each entity; before 16, no index of rejected mentions; before 15, none of an entity's confidences; before 14, mentions,
    /// quantities and entity_resolutions named their document by id (each row keeps its seq, which merges and
    /// splits record rows by).
    /// </summary>
    public static string VersionThirteen() =>
        "DROP TABLE entity_tallies;\nDROP INDEX mentions_rejected;\nDROP INDEX document_entities_by_entity_confidence;\n" + DocumentIdTables();

    private static string DocumentIdTables() =>
        string.Concat(VersionThirteenColumns.Select(t =>
            $"""
            CREATE TABLE {t.Table}_13 AS SELECT t.seq, d.id AS document_id, {string.Join(", ", t.Columns.Select(c => "t." + c))}
                FROM {t.Table} t JOIN documents d ON d.seq = t.document_seq;
            DROP TABLE {t.Table};
            ALTER TABLE {t.Table}_13 RENAME TO {t.Table};

            """));

    /// <summary>The columns of the three tables besides seq and the document's.</summary>
    private static readonly (string Table, string[] Columns)[] VersionThirteenColumns =
    [
        ("mentions", ["entity_id", "span_start", "span_end", "surface", "evidence_start", "evidence_end", "component", "confidence", "status"]),
        ("quantities", ["id", "value_text", "value", "unit", "surface", "approximate", "evidence_start", "evidence_end", "component", "confidence", "status"]),
        ("entity_resolutions", ["extracted_id", "name", "entity_id", "method", "score", "matched", "note"]),
    ];
}
