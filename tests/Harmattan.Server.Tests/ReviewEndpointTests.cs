using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Harmattan.Server.Tests;

/// <summary>
/// The review workflow over HTTP, on a store of its own built from the sample reports: the queue, confirm,
/// reject and correct with who and when, undo, stale reviews refused, re-extraction keeping reviews.
/// </summary>
public sealed class ReviewEndpointTests : IDisposable
{
    private readonly SampleStore _host = new();
    private readonly HttpClient _client;

    public ReviewEndpointTests() => _client = _host.Client();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_queue_pages_proposed_facts_least_confident_first()
    {
        var first = await Problems.Json(await _client.GetAsync("/api/review/queue?limit=20"));
        var second = await Problems.Json(await _client.GetAsync("/api/review/queue?limit=20&offset=20"));

        var total = first.GetProperty("total").GetInt32();
        Assert.True(total > 40, $"the samples give more than 40 facts to review, not {total}");
        var confidences = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.Order(), confidences);
        var item = first.GetProperty("items")[0];
        Assert.Equal("proposed", item.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("summary").GetString()));

        var claims = await Problems.Json(await _client.GetAsync("/api/review/queue?kind=claim&limit=500"));
        Assert.All(claims.GetProperty("items").EnumerateArray(), i => Assert.Equal("claim", i.GetProperty("kind").GetString()));
        await Problems.Expect(await _client.GetAsync("/api/review/queue?kind=rumour"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/review/queue?document=ffffffffff"), HttpStatusCode.NotFound, "HRM0204");
    }

    [Fact]
    public async Task Rejecting_a_relation_removes_it_from_the_network_until_the_review_is_undone()
    {
        var relation = await FirstInQueue("relation");
        var documentId = relation.GetProperty("documentId").GetString()!;
        var factId = relation.GetProperty("factId").GetString()!;
        var edgesBefore = await Edges();

        var created = await _client.PostAsJsonAsync("/api/reviews", new { kind = "relation", documentId, factId, action = "reject", by = "amina", expectedStatus = "proposed" });
        var review = await Problems.Json(created, HttpStatusCode.Created);

        Assert.Equal("rejected", review.GetProperty("statusAfter").GetString());
        Assert.Equal("amina", review.GetProperty("by").GetString());
        Assert.EndsWith("/api/reviews/" + review.GetProperty("id").GetString(), created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await Problems.Json(await _client.GetAsync("/api/relations?limit=500"))).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("id").GetString() == factId && r.GetProperty("from").GetProperty("documentId").GetString() == documentId);
        var document = await Problems.Json(await _client.GetAsync("/api/documents/" + documentId));
        Assert.Contains(document.GetProperty("reviews").EnumerateArray(),
            r => r.GetProperty("factId").GetString() == factId && r.GetProperty("status").GetString() == "rejected");
        Assert.True(await Edges() <= edgesBefore);

        // A second analyst who still saw it proposed is refused rather than overwriting the rejection.
        await Problems.Expect(
            await _client.PostAsJsonAsync("/api/reviews", new { kind = "relation", documentId, factId, action = "confirm", by = "ibrahim", expectedStatus = "proposed" }),
            HttpStatusCode.Conflict,
            "HRM0217");

        var id = review.GetProperty("id").GetString()!;
        var undone = await Problems.Json(await _client.PostAsJsonAsync($"/api/reviews/{id}/undo", new { by = "amina" }));
        Assert.Equal("amina", undone.GetProperty("undoneBy").GetString());
        Assert.Equal(edgesBefore, await Edges());
        var log = await Problems.Json(await _client.GetAsync($"/api/reviews?document={documentId}"));
        Assert.Equal(1, log.GetProperty("total").GetInt32());
        await Problems.Expect(await _client.PostAsJsonAsync($"/api/reviews/{id}/undo", new { by = "amina" }), HttpStatusCode.Conflict, "HRM0217");
    }

    [Fact]
    public async Task Correcting_an_event_date_moves_it_on_the_timeline_and_survives_re_extraction()
    {
        var item = await FirstInQueue("event");
        var documentId = item.GetProperty("documentId").GetString()!;
        var factId = item.GetProperty("factId").GetString()!;

        var review = await Problems.Json(
            await _client.PostAsJsonAsync("/api/reviews", new
            {
                kind = "event",
                documentId,
                factId,
                action = "correct",
                changes = new Dictionary<string, string> { ["date"] = "1999-12-31" },
                by = "amina",
            }),
            HttpStatusCode.Created);
        Assert.Equal("confirmed", review.GetProperty("statusAfter").GetString());
        Assert.Equal("1999-12-31", review.GetProperty("changes")[0].GetProperty("after").GetString());

        var reextracted = await Problems.Json(await _client.PostAsync($"/api/documents/{documentId}/reextract", null));
        Assert.True(reextracted.GetProperty("keptReviewed").GetInt32() >= 1);

        var events = await Problems.Json(await _client.GetAsync("/api/events?since=1999-12&until=1999-12"));
        var moved = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal(factId, moved.GetProperty("id").GetString());
        Assert.Equal("1999-12-31", moved.GetProperty("date").GetString());
        var document = await Problems.Json(await _client.GetAsync("/api/documents/" + documentId));
        Assert.Equal(JsonValueKind.String, document.GetProperty("extractedAt").ValueKind);
    }

    [Fact]
    public async Task Bad_reviews_are_refused_with_their_codes()
    {
        var claim = await FirstInQueue("claim");
        var documentId = claim.GetProperty("documentId").GetString()!;
        var factId = claim.GetProperty("factId").GetString()!;

        await Problems.Expect(await _client.PostAsJsonAsync("/api/reviews", new { kind = "claim", documentId, factId, action = "confirm" }), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.PostAsJsonAsync("/api/reviews", new { kind = "claim", documentId, factId = "clm_nothing", action = "confirm", by = "a" }), HttpStatusCode.NotFound, "HRM0215");
        await Problems.Expect(
            await _client.PostAsJsonAsync("/api/reviews", new { kind = "claim", documentId, factId, action = "correct", changes = new { speaker = "Nobody Anywhere" }, by = "a" }),
            HttpStatusCode.NotFound,
            "HRM0210");
        await Problems.Expect(
            await _client.PostAsJsonAsync("/api/reviews", new { kind = "claim", documentId, factId, action = "correct", changes = new { text = "something else" }, by = "a" }),
            HttpStatusCode.BadRequest,
            "HRM0401");
        await Problems.Expect(await _client.PostAsJsonAsync("/api/reviews", new { kind = "gossip", documentId, factId, action = "confirm", by = "a" }), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.PostAsJsonAsync("/api/reviews/rev_ffffffffffff/undo", new { by = "a" }), HttpStatusCode.NotFound, "HRM0216");

        var log = await Problems.Json(await _client.GetAsync("/api/reviews"));
        Assert.Equal(0, log.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_confirmed_entity_shows_in_the_document_view_and_its_queue()
    {
        var mnla = await Problems.Json(await _client.GetAsync("/api/entities/MNLA"));
        var id = mnla.GetProperty("entity").GetProperty("id").GetString()!;

        await Problems.Json(await _client.PostAsJsonAsync("/api/reviews", new { kind = "entity", factId = id, action = "confirm", by = "amina" }), HttpStatusCode.Created);

        var confirmed = await Problems.Json(await _client.GetAsync("/api/review/queue?kind=entity&status=confirmed"));
        Assert.Equal(id, Assert.Single(confirmed.GetProperty("items").EnumerateArray()).GetProperty("factId").GetString());
        var item = await Problems.Json(await _client.GetAsync("/api/review/facts/entity/" + id));
        Assert.Equal("confirmed", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_review_the_database_fails_is_a_503_with_HRM0222_and_leaves_the_fact_as_it_was()
    {
        var claim = await FirstInQueue("claim");
        var documentId = claim.GetProperty("documentId").GetString()!;
        var factId = claim.GetProperty("factId").GetString()!;
        var review = new { kind = "claim", documentId, factId, action = "confirm", by = "amina", expectedStatus = "proposed" };

        // The database refuses the review's write midway (here a trigger on the audit log, written last; a full disk
        // fails the same way).
        Sql("CREATE TRIGGER refuse AFTER INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no space left for the audit log'); END");
        var problem = await Problems.Expect(await _client.PostAsJsonAsync("/api/reviews", review), HttpStatusCode.ServiceUnavailable, "HRM0222");
        Assert.Contains("no space left for the audit log", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(_host.DatabasePath, problem.GetProperty("subject").GetString());

        // Nothing of it was kept: once the database takes writes again, the same review (still expecting "proposed") goes through.
        Sql("DROP TRIGGER refuse");
        var done = await Problems.Json(await _client.PostAsJsonAsync("/api/reviews", review), HttpStatusCode.Created);
        Assert.Equal("confirmed", done.GetProperty("statusAfter").GetString());
    }

    private void Sql(string statement)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    private async Task<JsonElement> FirstInQueue(string kind)
    {
        var queue = await Problems.Json(await _client.GetAsync($"/api/review/queue?kind={kind}&limit=1"));
        return queue.GetProperty("items")[0];
    }

    private async Task<int> Edges()
    {
        var network = await Problems.Json(await _client.GetAsync("/api/network"));
        return network.GetProperty("edges").GetArrayLength();
    }
}
