using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Harmattan.Server.Auth;
using Harmattan.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Harmattan.Server.Tests;

/// <summary>
/// What the server does once per process instead of once per request, and what must still hold: the knowledge
/// base checked and migrated once, yet a newer Harmattan migrating it underneath refused (503, HRM0202) with
/// nothing written; tokens and users remembered (<see cref="AccessCache"/>), yet a change to the team seen by the
/// next request, whether made through the API or behind the server's back.
/// </summary>
public sealed class ServingTests : IDisposable
{
    private readonly SampleStore _host = new();

    public void Dispose() => _host.Dispose();

    private static HttpClient WithToken(WebApplicationFactory<Program> factory, string secret)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_newer_harmattan_migrating_the_knowledge_base_under_a_running_server_gets_every_request_refused_and_nothing_written()
    {
        var client = _host.Client();
        var queue = await Problems.Json(await client.GetAsync(new Uri("/api/review/queue?kind=claim&limit=1", UriKind.Relative)));
        var item = queue.GetProperty("items")[0];
        var audit = AuditLines();

        SetSchemaVersion(KnowledgeStore.LatestSchemaVersion + 1);

        var read = await Problems.Expect(await client.GetAsync(new Uri("/api/entities/MNLA", UriKind.Relative)), HttpStatusCode.ServiceUnavailable, "HRM0202");
        Assert.Contains((KnowledgeStore.LatestSchemaVersion + 1).ToString(CultureInfo.InvariantCulture), read.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var review = new { kind = "claim", documentId = item.GetProperty("documentId").GetString(), factId = item.GetProperty("factId").GetString(), action = "confirm", by = "amina" };
        await Problems.Expect(await client.PostAsJsonAsync(new Uri("/api/reviews", UriKind.Relative), review), HttpStatusCode.ServiceUnavailable, "HRM0202");
        Assert.Equal(audit, AuditLines());

        // The version put back, the same server serves again (nothing was cached across the refusal).
        SetSchemaVersion(KnowledgeStore.LatestSchemaVersion);
        await Problems.Json(await client.PostAsJsonAsync(new Uri("/api/reviews", UriKind.Relative), review), HttpStatusCode.Created);
        Assert.Equal(audit + 1, AuditLines());
    }

    [Fact]
    public async Task A_token_revoked_or_a_user_disabled_through_the_api_or_behind_the_servers_back_is_refused_at_the_next_request()
    {
        string admin, viewer, analyst;
        using (var store = KnowledgeStore.Open(_host.DatabasePath))
        {
            store.AddUser("root", Role.Admin, null);
            store.AddUser("moussa", Role.Viewer, null);
            store.AddUser("amina", Role.Analyst, null);
            admin = store.IssueToken("root", null, null).Secret;
            viewer = store.IssueToken("moussa", null, null).Secret;
            analyst = store.IssueToken("amina", null, null).Secret;
        }

        using var factory = _host.Factory;
        var documents = new Uri("/api/documents", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(factory, viewer).GetAsync(documents)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(factory, analyst).GetAsync(documents)).StatusCode);

        // Through the API: the next request already sees it, though the token was just used.
        var tokens = await Problems.Json(await WithToken(factory, admin).GetAsync(new Uri("/api/tokens?user=moussa", UriKind.Relative)));
        var id = tokens.EnumerateArray().Single().GetProperty("id").GetString();
        await Problems.Json(await WithToken(factory, admin).PostAsync(new Uri($"/api/tokens/{id}/revoke", UriKind.Relative), null));
        await Problems.Expect(await WithToken(factory, viewer).GetAsync(documents), HttpStatusCode.Unauthorized, "HRM0501");

        // Behind its back (the CLI, another connection to the file): the server read the audit log's new line.
        Assert.Equal(HttpStatusCode.OK, (await WithToken(factory, analyst).GetAsync(documents)).StatusCode);
        using (var store = KnowledgeStore.Open(_host.DatabasePath))
        {
            store.DisableUser("amina", "root");
        }

        await Problems.Expect(await WithToken(factory, analyst).GetAsync(documents), HttpStatusCode.Unauthorized, "HRM0501");

        // Writes that are not the team's leave the tokens it knows in force.
        var queue = await Problems.Json(await WithToken(factory, admin).GetAsync(new Uri("/api/review/queue?kind=claim&limit=1", UriKind.Relative)));
        var item = queue.GetProperty("items")[0];
        var review = new { kind = "claim", documentId = item.GetProperty("documentId").GetString(), factId = item.GetProperty("factId").GetString(), action = "confirm" };
        await Problems.Json(await WithToken(factory, admin).PostAsJsonAsync(new Uri("/api/reviews", UriKind.Relative), review), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(factory, admin).GetAsync(documents)).StatusCode);
        using (var store = KnowledgeStore.Open(_host.DatabasePath))
        {
            store.RevokeToken(store.ListTokens("root").Single().Id, "root");
        }

        await Problems.Expect(await WithToken(factory, admin).GetAsync(documents), HttpStatusCode.Unauthorized, "HRM0501");
    }

    [Fact]
    public async Task Anonymous_use_ends_at_the_next_request_when_a_user_is_added_through_the_api_or_behind_the_servers_back()
    {
        using var empty = new ServerHost();
        var client = empty.Client();
        var documents = new Uri("/api/documents", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(documents)).StatusCode);

        using (var store = KnowledgeStore.Open(empty.DatabasePath))
        {
            store.AddUser("root", Role.Admin, null);
        }

        await Problems.Expect(await client.GetAsync(documents), HttpStatusCode.Unauthorized, "HRM0501");

        using var second = new ServerHost();
        var other = second.Client();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(documents)).StatusCode);
        await Problems.Json(await other.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { name = "root", role = "admin" }), HttpStatusCode.Created);
        await Problems.Expect(await other.GetAsync(documents), HttpStatusCode.Unauthorized, "HRM0501");
    }

    [Fact]
    public async Task The_web_ui_is_still_served_beside_the_api()
    {
        var client = _host.Client();
        var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var style = await client.GetAsync(new Uri("/app.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/app.css", UriKind.Relative))).StatusCode);
    }

    private int AuditLines()
    {
        using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM audit_log";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>What a newer Harmattan's migrator would leave, written behind the running server's back.</summary>
    private void SetSchemaVersion(int version)
    {
        using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        var text = version.ToString(CultureInfo.InvariantCulture);
        command.CommandText = $"UPDATE harmattan_meta SET value = '{text}' WHERE key = 'schema_version'; PRAGMA user_version = {text};";
        command.ExecuteNonQuery();
    }
}
