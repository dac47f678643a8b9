using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Harmattan.Documents;
using Harmattan.Knowledge;

namespace Harmattan.Server.Tests;

/// <summary>
/// A name, id or prefix that a request gives and that names nothing is a problem about the parameter it came in (the
/// problem's subject), quoting the value given (its detail); a name or prefix that fits several things lists them
/// as <c>candidates</c>, each with its id, name and type.
/// </summary>
public sealed class ParameterProblemTests(SharedNameStore host) : IClassFixture<SharedNameStore>
{
    private const string Nobody = "Nobody Anywhere";
    private const string NoDocument = "ffffffffffff";

    private readonly HttpClient _client = host.Client();

    /// <summary>Every place an endpoint takes an entity: the request with NAME where the entity goes, and the parameter.</summary>
    public static TheoryData<string, string, string?, string> EntityInputs => new()
    {
        { "GET", "/api/entities/NAME", null, "nameOrId" },
        { "GET", "/api/entities/NAME/events", null, "nameOrId" },
        { "GET", "/api/timeline?actor=NAME", null, "actor" },
        { "GET", "/api/timeline?place=NAME", null, "place" },
        { "GET", "/api/events?actor=NAME", null, "actor" },
        { "GET", "/api/events?place=NAME", null, "place" },
        { "GET", "/api/network?around=NAME", null, "around" },
        { "GET", "/api/relations?entity=NAME", null, "entity" },
        { "GET", "/api/claims?speaker=NAME", null, "speaker" },
        { "GET", "/api/claims?about=NAME", null, "about" },
        { "GET", "/api/disputes?actor=NAME", null, "actor" },
        { "GET", "/api/export?format=stix&actor=NAME", null, "actor" },
        { "GET", "/api/export?format=geojson&place=NAME", null, "place" },
        { "GET", "/api/brief?actor=NAME", null, "actor" },
        { "GET", "/api/brief?place=NAME&format=html", null, "place" },
        { "POST", "/api/entities/NAME/merge", """{"absorbed": "MNLA", "by": "amina"}""", "nameOrId" },
        { "POST", "/api/entities/MNLA/merge", """{"absorbed": "NAME", "by": "amina"}""", "absorbed" },
        { "POST", "/api/entities/NAME/split", """{"document": "ffffffffffff", "by": "amina"}""", "nameOrId" },
    };

    /// <summary>Ids and prefixes of other things: the request, the code of "no such ...", the parameter and the value it gave.</summary>
    public static TheoryData<string, string, string?, string, string, string> OtherInputs => new()
    {
        { "GET", "/api/documents/" + NoDocument, null, "HRM0204", "id", NoDocument },
        { "DELETE", "/api/documents/" + NoDocument, null, "HRM0204", "id", NoDocument },
        { "POST", $"/api/documents/{NoDocument}/reextract", null, "HRM0204", "id", NoDocument },
        { "POST", "/api/entities/MNLA/split", $$"""{"document": "{{NoDocument}}", "by": "amina"}""", "HRM0204", "document", NoDocument },
        { "GET", "/api/review/queue?document=" + NoDocument, null, "HRM0204", "document", NoDocument },
        { "GET", "/api/reviews?document=" + NoDocument, null, "HRM0204", "document", NoDocument },
        { "GET", $"/api/review/facts/claim/{NoDocument}/clm_nothing", null, "HRM0204", "documentId", NoDocument },
        {
            "POST", "/api/reviews", $$"""{"kind": "claim", "documentId": "{{NoDocument}}", "factId": "clm_nothing", "action": "confirm", "by": "amina"}""",
            "HRM0204", "documentId", NoDocument
        },
        { "GET", "/api/review/facts/entity/ent_ffffffffffffffffffff", null, "HRM0215", "factId", "ent_ffffffffffffffffffff" },
        { "GET", "/api/reviews/rev_ffffffffffff", null, "HRM0216", "id", "rev_ffffffffffff" },
        { "POST", "/api/reviews/rev_ffffffffffff/undo", """{"by": "amina"}""", "HRM0216", "id", "rev_ffffffffffff" },
        { "POST", "/api/changes/chg_ffffffffffff/undo", """{"by": "amina"}""", "HRM0213", "id", "chg_ffffffffffff" },
        { "POST", "/api/users/nobody/disable", null, "HRM0218", "name", "nobody" },
        { "POST", "/api/tokens", """{"user": "nobody", "name": "laptop"}""", "HRM0218", "user", "nobody" },
        { "POST", "/api/tokens/tok_ffffffffffff/revoke", null, "HRM0220", "id", "tok_ffffffffffff" },
    };

    [Theory]
    [MemberData(nameof(EntityInputs))]
    public async Task An_unknown_entity_is_a_404_about_the_parameter_quoting_the_value(string method, string path, string? body, string parameter)
    {
        var problem = await Problems.Expect(await Send(method, path, body, Nobody), HttpStatusCode.NotFound, "HRM0210");

        Assert.Equal(parameter, problem.GetProperty("subject").GetString());
        Assert.Contains($"'{Nobody}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("candidates", out _));
    }

    [Theory]
    [MemberData(nameof(EntityInputs))]
    public async Task An_ambiguous_name_is_a_409_about_the_parameter_listing_every_entity_it_fits(string method, string path, string? body, string parameter)
    {
        var problem = await Problems.Expect(await Send(method, path, body, SharedNameStore.SharedName), HttpStatusCode.Conflict, "HRM0211");

        Assert.Equal(parameter, problem.GetProperty("subject").GetString());
        Assert.Contains($"'{SharedNameStore.SharedName}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(await EntitiesNamed(SharedNameStore.SharedName), Candidates(problem));
    }

    [Fact]
    public async Task The_shared_name_fits_a_town_and_a_man()
    {
        var fitting = await EntitiesNamed(SharedNameStore.SharedName);

        Assert.Equal(["Person", "Place"], fitting.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.All(fitting, c => Assert.Equal(SharedNameStore.SharedName, c.Name));
    }

    [Fact]
    public async Task The_change_log_of_an_ambiguous_name_is_a_409_listing_the_candidates()
    {
        var problem = await Problems.Expect(await _client.GetAsync("/api/changes?entity=" + SharedNameStore.SharedName), HttpStatusCode.Conflict, "HRM0211");

        Assert.Equal("entity", problem.GetProperty("subject").GetString());
        Assert.Equal(await EntitiesNamed(SharedNameStore.SharedName), Candidates(problem));
    }

    [Fact]
    public async Task A_client_that_takes_no_json_still_gets_the_candidates()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/export?format=acled&actor=" + SharedNameStore.SharedName);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var problem = await Problems.Expect(await _client.SendAsync(request), HttpStatusCode.Conflict, "HRM0211");

        Assert.Equal(await EntitiesNamed(SharedNameStore.SharedName), Candidates(problem));
    }

    [Theory]
    [MemberData(nameof(OtherInputs))]
    public async Task An_unknown_id_is_a_404_about_the_parameter_quoting_the_value(string method, string path, string? body, string code, string parameter, string value)
    {
        var problem = await Problems.Expect(await Send(method, path, body, ""), HttpStatusCode.NotFound, code);

        Assert.Equal(parameter, problem.GetProperty("subject").GetString());
        Assert.Contains($"'{value}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_fact_or_corrected_speaker_is_a_404_about_the_body_member()
    {
        var queue = await Problems.Json(await _client.GetAsync("/api/review/queue?kind=claim&limit=1"));
        var claim = queue.GetProperty("items")[0];
        var documentId = claim.GetProperty("documentId").GetString()!;
        var factId = claim.GetProperty("factId").GetString()!;

        var route = await Problems.Expect(await _client.GetAsync($"/api/review/facts/claim/{documentId}/clm_nothing"), HttpStatusCode.NotFound, "HRM0215");
        var body = await Problems.Expect(
            await _client.PostAsJsonAsync("/api/reviews", new { kind = "claim", documentId, factId = "clm_nothing", action = "confirm", by = "amina" }),
            HttpStatusCode.NotFound,
            "HRM0215");
        var speaker = await Problems.Expect(
            await _client.PostAsJsonAsync("/api/reviews", new { kind = "claim", documentId, factId, action = "correct", changes = new { speaker = Nobody }, by = "amina" }),
            HttpStatusCode.NotFound,
            "HRM0210");
        var ambiguous = await Problems.Expect(
            await _client.PostAsJsonAsync(
                "/api/reviews", new { kind = "claim", documentId, factId, action = "correct", changes = new { speaker = SharedNameStore.SharedName }, by = "amina" }),
            HttpStatusCode.Conflict,
            "HRM0211");

        Assert.Equal(
            ["factId", "factId", "changes.speaker", "changes.speaker"],
            new[] { route, body, speaker, ambiguous }.Select(p => p.GetProperty("subject").GetString()));
        Assert.Contains("'clm_nothing'", route.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"'{Nobody}'", speaker.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(await EntitiesNamed(SharedNameStore.SharedName), Candidates(ambiguous));
        Assert.Equal(0, (await Problems.Json(await _client.GetAsync("/api/reviews"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_prefix_two_documents_share_is_a_409_about_the_id_listing_both()
    {
        var (first, second) = TwoReportsSharingAnIdPrefix();
        var upload = await _client.PostAsJsonAsync("/api/documents", new { documents = new[] { first, second }.Select(text => new { text }) });
        var added = (await Problems.Json(upload, HttpStatusCode.Created)).GetProperty("files").EnumerateArray()
            .Select(f => new Candidate(f.GetProperty("id").GetString()!, f.GetProperty("title").GetString()!, Candidate.DocumentType))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var prefix = added[0].Id[..6];
        Assert.StartsWith(prefix, added[1].Id, StringComparison.Ordinal);

        var problem = await Problems.Expect(await _client.GetAsync("/api/documents/" + prefix), HttpStatusCode.Conflict, "HRM0205");

        Assert.Equal("id", problem.GetProperty("subject").GetString());
        Assert.Contains($"'{prefix}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(added, Candidates(problem));
    }

    /// <summary>The request, with <paramref name="name"/> where the path and body say NAME.</summary>
    private async Task<HttpResponseMessage> Send(string method, string path, string? body, string name)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("NAME", Uri.EscapeDataString(name), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body.Replace("NAME", name, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        return await _client.SendAsync(request);
    }

    /// <summary>What the entity search finds for a name: the entities it may mean, by id.</summary>
    private async Task<List<Candidate>> EntitiesNamed(string name)
    {
        var found = await Problems.Json(await _client.GetAsync("/api/entities?q=" + Uri.EscapeDataString(name)));
        return Sorted(found.GetProperty("items"));
    }

    private static List<Candidate> Candidates(JsonElement problem) => Sorted(problem.GetProperty("candidates"));

    private static List<Candidate> Sorted(JsonElement items) =>
        items.EnumerateArray()
            .Select(c => new Candidate(c.GetProperty("id").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Two short daily reports whose ids (the hash of the text the reader gives) share their first six digits.</summary>
    private static (string First, string Second) TwoReportsSharingAnIdPrefix()
    {
        var reader = new DocumentReader();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var text = $"Ansongo daily report {n}\n\nThe market of Ansongo was calm on day {n}, and the road to Gao stayed open.\n";
            var prefix = reader.Read(Encoding.UTF8.GetBytes(text), "daily.txt", new ReadOptions()).ContentHash[..6];
            if (seen.TryGetValue(prefix, out var earlier))
            {
                return (earlier, text);
            }

            seen[prefix] = text;
        }
    }
}
