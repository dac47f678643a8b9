using Harmattan.Knowledge;
using Harmattan.Store.Postgres;
using Harmattan.Store.Resolution;
using Harmattan.Tests;
using Npgsql;

namespace Harmattan.Store.Tests;

/// <summary>
/// What only a server has: connections that fail in their own ways (named without the password), a
/// schema per knowledge base, and the trigram index behind fuzzy names. The contract itself runs in
/// <see cref="PostgresStoreTests"/>.
/// </summary>
public sealed class PostgresSpecificTests : IDisposable
{
    private readonly PostgresStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void A_database_that_does_not_exist_is_HRM0203_naming_the_server_and_never_the_password()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString)
        {
            Database = "harmattan_no_such_database",
            Password = "correct-horse-battery",
        };

        var error = Assert.Throws<HarmattanException>(() => KnowledgeStore.Open(admin.ConnectionString));

        Assert.Same(HarmattanError.DatabaseUnavailable, error.Error);
        Assert.Contains($"{admin.Host}:{admin.Port}/harmattan_no_such_database", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse-battery", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_nobody_answers_for_is_HRM0203_naming_the_host_and_never_the_password()
    {
        var unreachable = _fixture.UnavailableLocation().Replace("postgres@", "postgres:correct-horse-battery@", StringComparison.Ordinal);

        var error = Assert.Throws<HarmattanException>(() => KnowledgeStore.Open(unreachable));

        Assert.Same(HarmattanError.DatabaseUnavailable, error.Error);
        Assert.Contains("postgres://postgres@127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the server", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse-battery", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_knowledge_bases_live_side_by_side_in_schemas_of_one_database()
    {
        var location = _fixture.NewLocation();
        var database = StoreLocation.Parse(location).Target;
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE SCHEMA mali; CREATE SCHEMA niger", connection);
            command.ExecuteNonQuery();
        }

        using var mali = KnowledgeStore.Open(new NpgsqlConnectionStringBuilder(database) { SearchPath = "mali" }.ConnectionString);
        using var niger = KnowledgeStore.Open(new NpgsqlConnectionStringBuilder(database) { SearchPath = "niger" }.ConnectionString);
        var gao = SahelReports.Gao();
        mali.Upsert(gao.Document, gao.Extraction);

        Assert.Single(mali.Search("sharia"), h => h.Kind == SearchHitKind.Document);
        Assert.Empty(niger.Search("sharia"));
        Assert.Equal(0, niger.GetStats().Documents);
        Assert.Empty(_fixture.Tables(location));
    }

    [Fact]
    public void A_database_whose_extensions_put_views_in_its_schema_still_takes_a_knowledge_base()
    {
        // pg_stat_statements, on many servers, puts two views in the schema it is created in.
        var location = _fixture.NewLocation();
        using (var connection = new NpgsqlConnection(StoreLocation.Parse(location).Target))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE EXTENSION pg_stat_statements", connection);
            command.ExecuteNonQuery();
        }

        using (var store = KnowledgeStore.Open(location))
        {
            var gao = SahelReports.Gao();
            Assert.Equal(IngestOutcome.Added, store.Upsert(gao.Document, gao.Extraction));
        }

        using var reopened = KnowledgeStore.Open(location);
        Assert.Equal(1, reopened.GetStats().Documents);
        Assert.Empty(reopened.CheckConsistency());
    }

    [Fact]
    public void A_name_spelled_alike_that_shares_no_word_is_found_through_the_trigram_index()
    {
        using var store = _fixture.Open(_fixture.NewLocation());
        var first = new ReportBuilder("Belmokhtar", "Mokhtar Belmokhtar left AQIM in December 2012.");
        var stored = first.Entity(EntityType.Person, "Mokhtar Belmokhtar");
        var second = new ReportBuilder("Belmoktar", "Moktar Belmoktar claimed the In Amenas attack.");
        var extracted = second.Entity(EntityType.Person, "Moktar Belmoktar");
        var a = first.Build();
        var b = second.Build();

        store.Upsert(a.Document, a.Extraction);
        store.Upsert(b.Document, b.Extraction);

        // No word of four letters or more is the same in both, so SQLite's word block never compares them.
        Assert.Empty(EntityKeys.For("Mokhtar Belmokhtar", []).Where(k => k.Kind == EntityKeyKind.Token)
            .Intersect(EntityKeys.For("Moktar Belmoktar", []).Where(k => k.Kind == EntityKeyKind.Token)));
        var resolution = Assert.Single(store.GetResolutions(b.Id));
        Assert.Equal((extracted, stored, ResolutionMethod.Fuzzy), (resolution.ExtractedId, resolution.EntityId, resolution.Method));
        Assert.Equal(1, store.GetStats().Entities);
    }

    [Fact]
    public void Check_finds_an_identity_sequence_left_behind_the_rows_it_numbers()
    {
        var location = _fixture.NewLocation();
        using var store = _fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        Assert.Empty(store.CheckConsistency());
        using (var connection = new NpgsqlConnection(StoreLocation.Parse(location).Target))
        {
            // What a data-only restore by other means leaves: the rows, with the sequence back at its start.
            connection.Open();
            using var command = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('mentions', 'seq'), 1, false)", connection);
            command.ExecuteNonQuery();
        }

        var problem = Assert.Single(store.CheckConsistency());

        Assert.StartsWith("mentions: the next seq would be 1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_stored_before_schema_version_12_is_found_beside_typographic_punctuation_once_migrated()
    {
        // Version 1's search column took "State’s" for one word; migration 12 computes it again for stored rows.
        var location = _fixture.CreateVersion1Database("ent_old_is", "ArmedGroup", "Islamic State");
        const string Text = "Fighters of the Islamic State’s Sahel branch left Ménaka, a “JNIM” commander said.";
        using (var connection = new NpgsqlConnection(StoreLocation.Parse(location).Target))
        {
            connection.Open();
            using var command = new NpgsqlCommand(
                """
                INSERT INTO documents (id, title, source, format, text, ingested_at, word_count)
                VALUES (@id, 'Ménaka', 'Sahel Monitor', 'txt', @text, '2026-11-24T00:00:00.000Z', 14)
                """,
                connection);
            command.Parameters.AddWithValue("id", StableId.Sha256Hex(Text));
            command.Parameters.AddWithValue("text", Text);
            command.ExecuteNonQuery();
        }

        using var store = _fixture.Open(location);

        Assert.Equal(KnowledgeStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(StableId.Sha256Hex(Text), Assert.Single(store.Search("\"Islamic State\"")).DocumentId);
        Assert.Single(store.Search("JNIM"));
    }

    [Fact]
    public void A_phrase_whose_words_more_documents_hold_than_the_window_lists_its_matches_newest_first()
    {
        // GIN keeps no word positions: ranking a phrase tests every document holding its words, so on PostgreSQL
        // those, not the phrase's matches, are what the window bounds (SQLite's index has positions and ranks it).
        using var store = _fixture.Open(_fixture.NewLocation());
        for (var n = 0; n < 7; n++)
        {
            var text = n % 3 == 0
                ? $"The road to Kidal was open on day {n}."
                : $"On day {n} the road to Gao was closed and the market in Kidal was open.";
            var report = new ReportBuilder($"Report {n}", text, PartialDate.OfDay(2012, 1, n + 1)).Build();
            store.Upsert(report.Document, report.Extraction);
        }

        var newest = store.Search("\"road to Kidal\"", 50, 6);
        var ranked = store.Search("\"road to Kidal\"", 50, 7);
        var first = store.Search("\"road to Kidal\"", 2, 6);

        Assert.False(newest.Ranked);
        Assert.Equal(["Report 6", "Report 3", "Report 0"], newest.Select(h => h.Title));
        Assert.All(newest, h => Assert.Equal(0, h.Score));
        Assert.True(ranked.Ranked);
        Assert.Equal(["Report 0", "Report 3", "Report 6"], ranked.Select(h => h.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Report 6", "Report 3"], first.Select(h => h.Title));
    }

    [Theory]
    [InlineData("sharia", "'sharia'")]
    [InlineData("\"apply sharia\" Gao", "'apply sharia' & 'Gao'")]
    [InlineData("Ansong*", "'Ansong':*")]
    [InlineData("mali niger OR burkina", "'mali' & ('niger' | 'burkina')")]
    [InlineData("it's a\\b", "'it s' & 'a b'")]
    [InlineData("sharia\u0000Gao", "'sharia Gao'")]
    [InlineData("!sharia <-> Gao:*", "'sharia' & 'Gao':*")]
    [InlineData("“JNIM” al\u2011Qaeda’s", "'JNIM' & 'al Qaeda s'")]
    [InlineData("Me\u0301naka --", "'Me\u0301naka'")]
    public void Queries_become_quoted_lexemes_for_to_tsquery(string query, string expected) =>
        Assert.Equal(expected, TsQuery.Render(SearchQuery.Parse(query)));
}
