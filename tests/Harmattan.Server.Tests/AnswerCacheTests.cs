using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Harmattan.Server.Tests;

/// <summary>
/// Profiles and timelines are sent again from the server's cache until a change reaches their entity: a review
/// through the API, a document stored by another process on the same file, a merge. Each test has a store of its own.
/// </summary>
public sealed class AnswerCacheTests : IDisposable
{
    private readonly SampleStore _host = new();
    private readonly HttpClient _client;

    public AnswerCacheTests() => _client = _host.Client();

    private EntityAnswerCache Cache => _host.Factory.Services.GetRequiredService<EntityAnswerCache>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_profile_is_sent_again_until_a_review_of_one_of_its_claims_and_its_undo()
    {
        var before = await Text("/api/entities/MNLA?limit=50");
        var claim = JsonDocument.Parse(before).RootElement.GetProperty("claimsBy").GetProperty("items")[0];
        var (factId, documentId) = (claim.GetProperty("id").GetString()!, claim.GetProperty("from").GetProperty("documentId").GetString()!);
        var linked = claim.GetProperty("about").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Append(claim.GetProperty("speaker").GetProperty("id").GetString()).ToHashSet();
        var bystander = await Bystander(linked);
        await Text($"/api/entities/{bystander}");
        var section = await Text("/api/entities/MNLA/claims-by?limit=5");

        var hits = Cache.Counts.Hits;
        Assert.Equal(before, await Text("/api/entities/MNLA?limit=50"));
        Assert.Equal(hits + 1, Cache.Counts.Hits);

        // A client that kept the answer is told it has not changed.
        var tag = (await _client.GetAsync("/api/entities/MNLA?limit=50")).Headers.ETag!;
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await Conditional("/api/entities/MNLA?limit=50", tag)).StatusCode);

        var review = await Problems.Json(await _client.PostAsJsonAsync(
            "/api/reviews", new { kind = "claim", documentId, factId, action = "reject", by = "amina", expectedStatus = "proposed" }), System.Net.HttpStatusCode.Created);
        using (var changed = await Conditional("/api/entities/MNLA?limit=50", tag))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(tag, changed.Headers.ETag);
        }

        var rejected = await Problems.Json(await _client.GetAsync("/api/entities/MNLA?limit=50"));
        Assert.Equal(Total(before, "claimsBy") - 1, rejected.GetProperty("claimsBy").GetProperty("total").GetInt64());
        Assert.DoesNotContain(rejected.GetProperty("claimsBy").GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == factId);
        Assert.Equal(Total(section, "") - 1, Total(await Text("/api/entities/MNLA/claims-by?limit=5"), ""));

        // The review changed the claim's entities only: another actor's profile is still sent from the cache.
        hits = Cache.Counts.Hits;
        await Text($"/api/entities/{bystander}");
        Assert.Equal(hits + 1, Cache.Counts.Hits);

        await Problems.Json(await _client.PostAsJsonAsync($"/api/reviews/{review.GetProperty("id").GetString()}/undo", new { by = "amina" }));
        Assert.Equal(before, await Text("/api/entities/MNLA?limit=50"));
        Assert.Equal(section, await Text("/api/entities/MNLA/claims-by?limit=5"));
    }

    [Fact]
    public async Task An_actors_timeline_loses_an_event_rejected_and_a_profile_gains_a_document_stored_by_another_process()
    {
        var timeline = await Problems.Json(await _client.GetAsync("/api/timeline?actor=MNLA&limit=100"));
        var attack = timeline.GetProperty("items")[0];
        var (eventId, documentId) = (attack.GetProperty("id").GetString()!, attack.GetProperty("from").GetProperty("documentId").GetString()!);
        var named = Total(await Text("/api/entities/MNLA"), "namedIn");
        await Text("/api/timeline?actor=MNLA&limit=100");

        await Problems.Json(await _client.PostAsJsonAsync(
            "/api/reviews", new { kind = "event", documentId, factId = eventId, action = "reject", by = "amina" }), System.Net.HttpStatusCode.Created);
        var after = await Problems.Json(await _client.GetAsync("/api/timeline?actor=MNLA&limit=100"));
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == eventId);

        // The CLI ingesting into the same file while the server runs.
        using (var store = KnowledgeStore.Open(_host.DatabasePath))
        {
            var report = "MNLA leaders meet in Kidal\n\nThe MNLA said on Tuesday that its leaders had met in Kidal to discuss the talks with Bamako.";
            var ingestor = new Ingestor(new DocumentReader(), PipelineFactory.FromData(DataDirectory.Locate(ServerHost.DataPath)), store);
            var (results, _) = ingestor.RunAll([IngestInput.Bytes("mnla-kidal.txt", Encoding.UTF8.GetBytes(report))], new ReadOptions());
            Assert.Equal(IngestStatus.Added, Assert.Single(results).Status);
        }

        Assert.Equal(named + 1, Total(await Text("/api/entities/MNLA"), "namedIn"));
    }

    [Fact]
    public async Task A_merge_empties_the_cache()
    {
        // Two organisations no registry lists (the registry forbids merging two of its actors), their profiles kept.
        var unlisted = new List<(string Id, string Profile)>();
        var organisations = await Problems.Json(await _client.GetAsync("/api/entities?type=Organization&limit=500"));
        foreach (var id in organisations.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!))
        {
            var profile = await Text($"/api/entities/{id}");
            if (JsonDocument.Parse(profile).RootElement.GetProperty("registryId").ValueKind == JsonValueKind.Null)
            {
                unlisted.Add((id, profile));
            }
        }

        var ((kept, before), (absorbed, _)) = (unlisted[0], unlisted[1]);
        var bystander = await Bystander([kept, absorbed]);
        await Text($"/api/entities/{bystander}");

        await Problems.Json(await _client.PostAsJsonAsync($"/api/entities/{kept}/merge", new { absorbed, by = "amina" }), System.Net.HttpStatusCode.Created);

        var merged = await Text($"/api/entities/{kept}");
        Assert.NotEqual(before, merged);
        Assert.True(Total(merged, "namedIn") >= Total(before, "namedIn"));
        var misses = Cache.Counts.Misses;
        await Text($"/api/entities/{bystander}");
        Assert.Equal(misses + 1, Cache.Counts.Misses);
    }

    [Fact]
    public void An_answer_read_across_a_change_to_its_entity_is_computed_again()
    {
        var cache = new EntityAnswerCache(1 << 20, JsonSerializerOptions.Default);
        using var store = KnowledgeStore.Open(_host.DatabasePath);
        using var other = KnowledgeStore.Open(_host.DatabasePath);
        var schema = Schema.Load(DataDirectory.Locate(ServerHost.DataPath));
        var mnla = store.ResolveEntity("MNLA");
        var claims = store.GetActorProfile(mnla).ClaimsBy.Items;
        var computed = 0;

        // While MNLA's answer is read, another analyst rejects one of its claims and another request sees it.
        cache.Get(store, mnla.Id, "profile", () =>
        {
            other.Review(new ReviewRequest(new FactRef(FactKind.Claim, claims[0].From.DocumentId, claims[0].Id), ReviewAction.Reject, null, "amina"), schema);
            cache.Get(other, "bystander", "profile", () => [0]);
            return [(byte)++computed];
        });
        Assert.Equal([2], cache.Get(store, mnla.Id, "profile", () => [(byte)++computed]));

        // The same (another page size) with no request between: the next one reads the change and computes again.
        cache.Get(store, mnla.Id, "profile 2", () =>
        {
            other.Review(new ReviewRequest(new FactRef(FactKind.Claim, claims[1].From.DocumentId, claims[1].Id), ReviewAction.Reject, null, "amina"), schema);
            return [(byte)++computed];
        });
        Assert.Equal([4], cache.Get(store, mnla.Id, "profile 2", () => [(byte)++computed]));
        Assert.Equal([4], cache.Get(store, mnla.Id, "profile 2", () => [(byte)++computed]));
    }

    private Task<HttpResponseMessage> Conditional(string path, System.Net.Http.Headers.EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return _client.SendAsync(request);
    }

    private async Task<string> Text(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The total of a profile's section, or of a section's page (<paramref name="section"/> empty).</summary>
    private static long Total(string profile, string section)
    {
        var root = JsonDocument.Parse(profile).RootElement;
        return (section.Length == 0 ? root : root.GetProperty(section)).GetProperty("total").GetInt64();
    }

    /// <summary>An armed group none of <paramref name="excluded"/> is.</summary>
    private async Task<string> Bystander(IEnumerable<string?> excluded)
    {
        var groups = await Problems.Json(await _client.GetAsync("/api/entities?type=ArmedGroup&limit=500"));
        return groups.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).First(id => !excluded.Contains(id));
    }
}
