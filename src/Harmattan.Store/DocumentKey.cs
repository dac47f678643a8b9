namespace Harmattan.Store;

/// <summary>
/// A stored document as tables name it: by its id (the hash of its text, which users, the API and exports
/// see) or by its seq (documents' integer row id, which grows as documents are stored).
/// </summary>
internal readonly record struct DocumentKey(string Id, long Seq);

/// <summary>
/// How each table whose rows belong to one document names it. Since schema version 14 mentions, quantities
/// and entity resolutions do so by the document's seq, so that a new document's rows are appended to their
/// by-document indexes; the other fact tables still by its id.
/// </summary>
internal static class DocumentColumn
{
    private static readonly HashSet<string> BySeq = new(["mentions", "quantities", "entity_resolutions"], StringComparer.Ordinal);

    /// <summary>
    /// SQL: the row <paramref name="row"/> of <paramref name="table"/> belongs to the document whose id is in
    /// <paramref name="parameter"/>.
    /// </summary>
    public static string Is(string table, string row, string parameter) =>
        BySeq.Contains(table) ? $"{row}.document_seq = (SELECT seq FROM documents WHERE id = {parameter})" : $"{row}.document_id = {parameter}";

    /// <summary>SQL: the row <paramref name="row"/> of <paramref name="table"/> belongs to the document <paramref name="document"/>.</summary>
    public static string Joins(string table, string row, string document) =>
        BySeq.Contains(table) ? $"{document}.seq = {row}.document_seq" : $"{document}.id = {row}.document_id";
}
