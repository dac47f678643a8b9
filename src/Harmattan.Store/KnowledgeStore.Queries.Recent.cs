using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// The relations, attributes and claims stated in the newest <paramref name="documents"/> documents stored, in
    /// document date order as the whole lists are, with whether older documents were left unread: what a view of
    /// the whole knowledge base reads when its cost must not grow with the knowledge base (disputes without an
    /// actor). Each list is read through its table's document index, so the cost is that of the documents read.
    /// Relations can be narrowed to some types and attributes to some names; rejected facts and relations with a
    /// rejected party are left out, as from the whole lists.
    /// </summary>
    public RecentFacts FactsOfNewestDocuments(int documents, IReadOnlyCollection<string>? relationTypes = null, IReadOnlyCollection<string>? attributeNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documents);
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var r = reader.RowId;
        const string Newest = "(SELECT d.id FROM documents d ORDER BY d.seq DESC LIMIT @Documents) x";
        var (where, relationArgs, _) = RelationConditions(reader, "r", new RelationFilter(Types: relationTypes));
        relationArgs.Add("Documents", documents);
        var relations = ReadRelations(
            reader,
            $"SELECT r.{r} AS k, r.day AS o1, r.document_id AS o2 FROM {Newest} JOIN relations r ON r.document_id = x.id WHERE {where}",
            "p.o1, p.o2, p.k",
            relationArgs,
            null).Items;
        var named = attributeNames is { Count: > 0 } ? " AND " + _dialect.InStrings("p.name", "@Names") : "";
        var attributes = ReadAttributes(
            reader,
            $"SELECT p.{r} AS k, p.day AS o1, p.document_id AS o2 FROM {Newest} JOIN {PropertiesTable} p ON p.document_id = x.id WHERE p.status <> 'rejected'{named}",
            "p.o1, p.o2, p.k",
            new { Documents = documents, Names = _dialect.Strings(attributeNames ?? []) },
            null).Items;
        var claims = ReadClaims(
            reader,
            $"SELECT c.{r} AS k, c.day AS o1, c.document_id AS o2 FROM {Newest} JOIN claims c ON c.document_id = x.id WHERE c.status <> 'rejected'",
            "p.o1, p.o2, p.k",
            new { Documents = documents },
            null).Items;
        var older = _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1 OFFSET @Documents) beyond", new { Documents = documents }, transaction) > 0;
        return new RecentFacts(relations, attributes, claims, older);
    }
}
