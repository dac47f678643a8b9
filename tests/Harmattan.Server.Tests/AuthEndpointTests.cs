using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Harmattan.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Harmattan.Server.Tests;

/// <summary>
/// Tokens and roles on every kind of endpoint: viewer reads, analyst writes, admin manages the team; 401 and 403
/// as problem+json (HRM0501, HRM0502); anonymous only on loopback with no user; <c>by</c> from the token.
/// </summary>
public sealed class AuthEndpointTests : IDisposable
{
    private readonly SampleStore _host = new();
    private readonly Dictionary<Role, string> _secrets = [];

    public AuthEndpointTests()
    {
        using var store = KnowledgeStore.Open(_host.DatabasePath);
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = KnowledgeStore.RoleName(role) + "-user";
            store.AddUser(name, role, "root");
            _secrets[role] = store.IssueToken(name, null, "root").Secret;
        }
    }

    public void Dispose() => _host.Dispose();

    private HttpClient Client(Role? role)
    {
        var client = _host.Client();
        if (role is { } r)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _secrets[r]);
        }

        return client;
    }

    [Theory]
    [InlineData(Role.Viewer, "viewer")]
    [InlineData(Role.Analyst, "analyst")]
    [InlineData(Role.Admin, "admin")]
    public async Task Me_says_who_the_token_stands_for_and_its_role(Role role, string expected)
    {
        var me = await Problems.Json(await Client(role).GetAsync("/api/me"));

        Assert.Equal(expected, me.GetProperty("role").GetString());
        Assert.Equal(expected + "-user", me.GetProperty("user").GetString());
        Assert.False(me.GetProperty("anonymous").GetBoolean());
        await Problems.Expect(await Client(null).GetAsync("/api/me"), HttpStatusCode.Unauthorized, "HRM0501");
    }

    public static TheoryData<string, string, Role> Boundaries => new()
    {
        { "GET", "/api/documents", Role.Viewer },
        { "GET", "/api/entities/MNLA", Role.Viewer },
        { "GET", "/api/search?q=Kidal", Role.Viewer },
        { "GET", "/api/review/queue", Role.Viewer },
        { "GET", "/api/export?format=jsonl", Role.Viewer },
        { "GET", "/api/brief?actor=MNLA", Role.Viewer },
        { "POST", "/api/documents", Role.Analyst },
        { "POST", "/api/reviews", Role.Analyst },
        { "POST", "/api/entities/MNLA/merge", Role.Analyst },
        { "POST", "/api/changes/chg_x/undo", Role.Analyst },
        { "POST", "/api/import", Role.Analyst },
        { "DELETE", "/api/documents/ffffffffffff", Role.Admin },
        { "GET", "/api/users", Role.Admin },
        { "POST", "/api/users", Role.Admin },
        { "GET", "/api/tokens", Role.Admin },
        { "POST", "/api/tokens/tok_x/revoke", Role.Admin },
        { "GET", "/api/audit", Role.Admin },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Each_endpoint_needs_a_token_and_refuses_a_role_below_its_own(string method, string path, Role needed)
    {
        await Problems.Expect(await Client(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.Unauthorized, "HRM0501");
        foreach (var role in Enum.GetValues<Role>())
        {
            var response = await Client(role).SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
            if (role < needed)
            {
                await Problems.Expect(response, HttpStatusCode.Forbidden, "HRM0502");
            }
            else
            {
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_bad_revoked_or_disabled_token_is_401()
    {
        var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hrm_nothing");
        await Problems.Expect(await client.GetAsync(new Uri("/api/documents", UriKind.Relative)), HttpStatusCode.Unauthorized, "HRM0501");

        var admin = Client(Role.Admin);
        var tokens = await Problems.Json(await admin.GetAsync(new Uri("/api/tokens", UriKind.Relative)));
        var viewerToken = tokens.EnumerateArray().Single(t => t.GetProperty("user").GetString() == "viewer-user").GetProperty("id").GetString();
        await Problems.Json(await admin.PostAsync(new Uri($"/api/tokens/{viewerToken}/revoke", UriKind.Relative), null));
        await Problems.Expect(await Client(Role.Viewer).GetAsync(new Uri("/api/documents", UriKind.Relative)), HttpStatusCode.Unauthorized, "HRM0501");

        await Problems.Json(await admin.PostAsync(new Uri("/api/users/analyst-user/disable", UriKind.Relative), null));
        await Problems.Expect(await Client(Role.Analyst).GetAsync(new Uri("/api/documents", UriKind.Relative)), HttpStatusCode.Unauthorized, "HRM0501");
    }

    [Fact]
    public async Task A_change_is_recorded_as_the_tokens_user_whatever_the_body_says_and_admins_read_the_audit()
    {
        var analyst = Client(Role.Analyst);
        var queue = await Problems.Json(await analyst.GetAsync(new Uri("/api/review/queue?kind=claim&limit=1", UriKind.Relative)));
        var item = queue.GetProperty("items")[0];
        var review = await Problems.Json(
            await analyst.PostAsJsonAsync(
                new Uri("/api/reviews", UriKind.Relative),
                new { kind = "claim", documentId = item.GetProperty("documentId").GetString(), factId = item.GetProperty("factId").GetString(), action = "confirm", by = "someone-else" }),
            HttpStatusCode.Created);
        Assert.Equal("analyst-user", review.GetProperty("by").GetString());

        var issued = await Problems.Json(
            await Client(Role.Admin).PostAsJsonAsync(new Uri("/api/tokens", UriKind.Relative), new { user = "viewer-user", name = "script" }),
            HttpStatusCode.Created);
        Assert.StartsWith("hrm_", issued.GetProperty("secret").GetString(), StringComparison.Ordinal);

        var audit = await Problems.Json(await Client(Role.Admin).GetAsync(new Uri("/api/audit", UriKind.Relative)));
        var items = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(("admin-user", "token.issue"), (items[0].GetProperty("by").GetString(), items[0].GetProperty("action").GetString()));
        Assert.Equal(("analyst-user", "review"), (items[1].GetProperty("by").GetString(), items[1].GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Without_users_only_a_loopback_server_serves_anonymous_requests()
    {
        using var empty = new ServerHost();
        Assert.Equal(HttpStatusCode.OK, (await empty.Client().GetAsync(new Uri("/api/documents", UriKind.Relative))).StatusCode);
        var me = await Problems.Json(await empty.Client().GetAsync(new Uri("/api/me", UriKind.Relative)));
        Assert.True(me.GetProperty("anonymous").GetBoolean());

        using var open = empty.Factory.WithWebHostBuilder(b => b.UseSetting("Harmattan:Bind", "0.0.0.0"));
        var client = open.CreateClient();
        await Problems.Expect(await client.GetAsync(new Uri("/api/documents", UriKind.Relative)), HttpStatusCode.Unauthorized, "HRM0501");
        await Problems.Expect(await client.PostAsJsonAsync(new Uri("/api/reviews", UriKind.Relative), new { }), HttpStatusCode.Unauthorized, "HRM0501");

        // Once a user exists, loopback needs tokens too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client().GetAsync(new Uri("/api/documents", UriKind.Relative))).StatusCode);
    }
}
