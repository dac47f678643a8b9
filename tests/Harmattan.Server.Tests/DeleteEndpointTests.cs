using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Harmattan.Store;

namespace Harmattan.Server.Tests;

/// <summary>DELETE /api/documents/{id}: admins only, audited as the token's user, the same text can come back.</summary>
public sealed class DeleteEndpointTests : IDisposable
{
    private static readonly object Reports = new
    {
        documents = new[]
        {
            new { text = "Fighters of Ansar Dine entered Kidal on 30 March 2012, residents said. The MNLA said its fighters had held the town.", name = "kidal.txt" },
            new { text = "MUJAO drove the MNLA out of Gao in June 2012, a spokesman for the MNLA said.", name = "gao.txt" },
        },
    };

    private readonly ServerHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_admin_deletes_a_document_and_the_same_text_can_be_uploaded_again()
    {
        var client = _host.Client();
        var upload = await Problems.Json(await client.PostAsJsonAsync("/api/documents", Reports), HttpStatusCode.Created);
        var kidal = upload.GetProperty("files")[0].GetProperty("id").GetString()!;
        string analyst, admin;
        using (var store = KnowledgeStore.Open(_host.DatabasePath))
        {
            store.AddUser("amina", Role.Analyst, "root");
            store.AddUser("moussa", Role.Admin, "root");
            analyst = store.IssueToken("amina", null, "root").Secret;
            admin = store.IssueToken("moussa", null, "root").Secret;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", analyst);
        var forbidden = await Problems.Expect(await client.DeleteAsync("/api/documents/" + kidal), HttpStatusCode.Forbidden, "HRM0502");
        Assert.Contains("needs admin", forbidden.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problems.Json(await client.GetAsync("/api/documents/" + kidal));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var deleted = await Problems.Json(await client.DeleteAsync("/api/documents/" + kidal[..10]));

        Assert.Equal((kidal, "moussa"), (deleted.GetProperty("id").GetString(), deleted.GetProperty("by").GetString()));
        Assert.Contains(deleted.GetProperty("removedEntities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Ansar Dine");
        Assert.Equal(0, deleted.GetProperty("strandedChanges").GetArrayLength());
        await Problems.Expect(await client.GetAsync("/api/documents/" + kidal), HttpStatusCode.NotFound, "HRM0204");
        await Problems.Expect(await client.DeleteAsync("/api/documents/" + kidal), HttpStatusCode.NotFound, "HRM0204");
        await Problems.Expect(await client.DeleteAsync("/api/documents/xyz"), HttpStatusCode.NotFound, "HRM0204");
        var list = await Problems.Json(await client.GetAsync("/api/documents"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var audit = await Problems.Json(await client.GetAsync("/api/audit?action=delete"));
        var line = audit.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("moussa", kidal), (line.GetProperty("by").GetString(), line.GetProperty("subject").GetString()));

        var again = await Problems.Json(await client.PostAsJsonAsync("/api/documents", Reports), HttpStatusCode.Created);

        Assert.Equal((1, 1), (again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(kidal, again.GetProperty("files")[0].GetProperty("id").GetString());
        using var check = KnowledgeStore.Open(_host.DatabasePath);
        Assert.Empty(check.CheckConsistency());
    }

    [Fact]
    public async Task On_an_open_loopback_server_deleting_answers_what_went()
    {
        var client = _host.Client();
        var upload = await Problems.Json(await client.PostAsJsonAsync("/api/documents", Reports), HttpStatusCode.Created);
        var gao = upload.GetProperty("files")[1].GetProperty("id").GetString()!;

        var deleted = await client.DeleteAsync("/api/documents/" + gao);

        var body = await Problems.Json(deleted);
        Assert.Equal("application/json", deleted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("facts").ValueKind);
        Assert.Equal("local", body.GetProperty("by").GetString());
    }
}
