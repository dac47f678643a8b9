using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Harmattan.Tests;

namespace Harmattan.Server.Tests;

/// <summary>
/// The server over a PostgreSQL knowledge base (the Harmattan:Database setting holding a postgres://
/// location), on the server the test run starts: uploads, profiles, search, a merge undone, a review.
/// </summary>
public sealed class PostgresEndpointTests : IDisposable
{
    private readonly string _database;
    private readonly ServerHost _host;
    private readonly HttpClient _client;

    public PostgresEndpointTests()
    {
        string location;
        (_database, location) = PostgresServer.CreateDatabase();
        _host = new ServerHost(location);
        _client = _host.Client();
    }

    public void Dispose()
    {
        _host.Dispose();
        PostgresServer.DropDatabase(_database);
    }

    [Fact]
    public async Task Sample_reports_uploaded_to_a_postgresql_store_are_searched_profiled_merged_and_reviewed()
    {
        using var form = new MultipartFormDataContent();
        foreach (var path in Directory.GetFiles(RepositoryRoot.SampleReports).Order(StringComparer.Ordinal))
        {
            var file = new ByteArrayContent(File.ReadAllBytes(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", Path.GetFileName(path));
        }

        var upload = await Problems.Json(await _client.PostAsync("/api/documents", form), HttpStatusCode.Created);
        Assert.Equal(Directory.GetFiles(RepositoryRoot.SampleReports).Length, upload.GetProperty("added").GetInt32());

        var jnim = await Problems.Json(await _client.GetAsync("/api/entities/JNIM"));
        Assert.NotEmpty(jnim.GetProperty("aliases").EnumerateArray());

        var search = await Problems.Json(await _client.GetAsync("/api/search?q=Ansar%20Dine&limit=2"));
        var hits = search.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.True(search.GetProperty("more").GetBoolean());
        Assert.All(hits, h => Assert.Contains("[[", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));

        // Accents fold away, as on SQLite: a French spelling is found typed without its cedilla.
        await Problems.Json(
            await _client.PostAsJsonAsync("/api/documents", new { documents = new[] { new { text = "Les combattants d'Ançar Dine sont entrés à Tombouctou le 1er avril 2012.", name = "depeche" } } }),
            HttpStatusCode.Created);
        var folded = await Problems.Json(await _client.GetAsync("/api/search?q=ancar%20dine"));
        Assert.Contains(folded.GetProperty("items").EnumerateArray(), h => h.GetProperty("snippet").GetString()!.Contains("[[Ançar]] [[Dine]]", StringComparison.Ordinal));

        // Two organisations no registry lists (registry entries are never merged).
        var organizations = new List<string>();
        foreach (var e in (await Problems.Json(await _client.GetAsync("/api/entities?type=Organization&limit=500"))).GetProperty("items").EnumerateArray())
        {
            var profile = await Problems.Json(await _client.GetAsync("/api/entities/" + e.GetProperty("id").GetString()));
            if (profile.GetProperty("registryId").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                organizations.Add(e.GetProperty("id").GetString()!);
            }
        }

        var (kept, gone) = (organizations[0], organizations[1]);
        var merged = await _client.PostAsJsonAsync($"/api/entities/{kept}/merge", new { absorbed = gone, by = "amina" });
        var change = await Problems.Json(merged, HttpStatusCode.Created);
        await Problems.Expect(await _client.GetAsync("/api/entities/" + gone), HttpStatusCode.NotFound, "HRM0210");
        var undone = await Problems.Json(await _client.PostAsJsonAsync($"/api/changes/{change.GetProperty("id").GetString()}/undo", new { by = "amina" }));
        Assert.Equal("amina", undone.GetProperty("undoneBy").GetString());
        await Problems.Json(await _client.GetAsync("/api/entities/" + gone));

        var queue = await Problems.Json(await _client.GetAsync("/api/review/queue?kind=relation&limit=1"));
        var fact = queue.GetProperty("items")[0];
        var review = await _client.PostAsJsonAsync("/api/reviews", new
        {
            kind = "relation",
            documentId = fact.GetProperty("documentId").GetString(),
            factId = fact.GetProperty("factId").GetString(),
            action = "reject",
            by = "amina",
            expectedStatus = "proposed",
        });
        await Problems.Json(review, HttpStatusCode.Created);
        var stale = await _client.PostAsJsonAsync("/api/reviews", new
        {
            kind = "relation",
            documentId = fact.GetProperty("documentId").GetString(),
            factId = fact.GetProperty("factId").GetString(),
            action = "confirm",
            by = "ibrahim",
            expectedStatus = "proposed",
        });
        await Problems.Expect(stale, HttpStatusCode.Conflict, "HRM0217");
    }
}
