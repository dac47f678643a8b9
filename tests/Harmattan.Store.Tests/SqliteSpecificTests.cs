using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Tests;

/// <summary>
/// What only the SQLite file has: its FTS5 indexes, whose shape a migration changes. The contract itself runs in
/// <see cref="SqliteStoreTests"/>.
/// </summary>
public sealed class SqliteSpecificTests : IDisposable
{
    private readonly SqliteStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void A_knowledge_base_indexed_with_prefix_indexes_is_found_the_same_once_migration_13_rebuilds_its_indexes()
    {
        var location = _fixture.NewLocation();
        string[] queries = ["Gao", "\"road to Ansongo\"", "Ans*", "sh*", "Kidal OR sharia", "spare civilians"];
        List<string[]> before;
        using (var store = _fixture.Open(location))
        {
            store.Upsert(SahelReports.Gao().Document, SahelReports.Gao().Extraction);
            store.Upsert(SahelReports.Kidal().Document, SahelReports.Kidal().Extraction);
            before = [.. queries.Select(q => Hits(store, q))];
        }

        Assert.Equal(["claims_fts", "documents_fts"], IndexesWithPrefixes(location, without: true));

        // What schema version 12 held: both indexes with prefix indexes of two and three letters, as version 1 made them,
        // and documents named by id.
        _fixture.Execute(location, OlderSchemas.VersionThirteen());
        using (var connection = SqliteStoreFixture.Connect(location))
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                DROP TABLE documents_fts;
                DROP TABLE claims_fts;
                CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'seq',
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                CREATE VIRTUAL TABLE claims_fts USING fts5 (text, content = 'claims', content_rowid = 'seq',
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
                INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
                UPDATE harmattan_meta SET value = '12' WHERE key = 'schema_version';
                PRAGMA user_version = 12;
                """;
            command.ExecuteNonQuery();
        }

        Assert.Equal(["claims_fts", "documents_fts"], IndexesWithPrefixes(location, without: false));

        using var migrated = _fixture.Open(location);

        Assert.Equal(KnowledgeStore.LatestSchemaVersion, migrated.SchemaVersion);
        Assert.Empty(migrated.CheckConsistency());
        Assert.Equal(before, queries.Select(q => Hits(migrated, q)));
        Assert.All(before, hits => Assert.NotEmpty(hits));
        Assert.Equal(["claims_fts", "documents_fts"], IndexesWithPrefixes(location, without: true));
    }

    /// <summary>The FTS5 tables of the file, those declared without prefix indexes or those with them.</summary>
    private static List<string> IndexesWithPrefixes(string location, bool without)
    {
        using var connection = SqliteStoreFixture.Connect(location);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            if (reader.GetString(1).Contains("prefix", StringComparison.Ordinal) != without)
            {
                names.Add(reader.GetString(0));
            }
        }

        return names;
    }

    private static string[] Hits(KnowledgeStore store, string query) =>
        [.. store.Search(query).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Kind} {h.DocumentId} {h.ClaimId} {h.Score:F6} {h.Snippet}"))];
}
