using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Harmattan.Server.Tests;

/// <summary>
/// Merge, split and undo over HTTP on a store of its own built from the sample reports (these tests
/// change the store, so they never share it with the read-only query tests).
/// </summary>
public sealed class ChangeEndpointTests : IDisposable
{
    private readonly SampleStore _host = new();
    private readonly HttpClient _client;

    public ChangeEndpointTests() => _client = _host.Client();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_merge_is_recorded_hides_the_absorbed_entity_and_is_undone_exactly()
    {
        var (kept, absorbed) = await TwoUnlistedOrganizations();
        var before = await Problems.Json(await _client.GetAsync("/api/entities/" + kept));

        var merged = await _client.PostAsJsonAsync($"/api/entities/{kept}/merge", new { absorbed, by = "amina" });
        var change = await Problems.Json(merged, HttpStatusCode.Created);
        Assert.Equal("Merge", change.GetProperty("kind").GetString());
        Assert.Equal("amina", change.GetProperty("by").GetString());
        Assert.True(change.GetProperty("rows").GetInt32() > 0);
        await Problems.Expect(await _client.GetAsync("/api/entities/" + absorbed), HttpStatusCode.NotFound, "HRM0210");

        var log = await Problems.Json(await _client.GetAsync("/api/changes?entity=" + kept));
        var id = change.GetProperty("id").GetString()!;
        Assert.Contains(log.EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        var undone = await Problems.Json(await _client.PostAsJsonAsync($"/api/changes/{id}/undo", new { by = "amina" }));
        Assert.Equal("amina", undone.GetProperty("undoneBy").GetString());
        await Problems.Json(await _client.GetAsync("/api/entities/" + absorbed));
        var after = await Problems.Json(await _client.GetAsync("/api/entities/" + kept));
        Assert.Equal(before.GetProperty("aliases").ToString(), after.GetProperty("aliases").ToString());

        // An undone change cannot be undone twice.
        await Problems.Expect(await _client.PostAsJsonAsync($"/api/changes/{id}/undo", new { by = "amina" }), HttpStatusCode.Conflict, "HRM0214");
    }

    [Fact]
    public async Task Bad_merges_are_refused_with_their_codes_and_change_nothing()
    {
        var (kept, absorbed) = await TwoUnlistedOrganizations();

        await Problems.Expect(await _client.PostAsJsonAsync($"/api/entities/{kept}/merge", new { absorbed }), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.PostAsJsonAsync("/api/entities/Nobody%20Anywhere/merge", new { absorbed, by = "amina" }), HttpStatusCode.NotFound, "HRM0210");
        await Problems.Expect(await _client.PostAsJsonAsync("/api/entities/MNLA/merge", new { absorbed = "Bamako", by = "amina" }), HttpStatusCode.Conflict, "HRM0212");
        await Problems.Expect(await _client.PostAsJsonAsync("/api/changes/chg_ffffffffffffffff/undo", new { by = "amina" }), HttpStatusCode.NotFound, "HRM0213");

        var log = await Problems.Json(await _client.GetAsync("/api/changes"));
        Assert.Equal(0, log.GetArrayLength());
    }

    [Fact]
    public async Task A_merge_expecting_a_state_someone_changed_meanwhile_is_409_and_changes_nothing()
    {
        var (kept, absorbed) = await TwoUnlistedOrganizations();
        var profile = await Problems.Json(await _client.GetAsync("/api/entities/" + kept));
        var document = profile.GetProperty("namedIn").GetProperty("items")[0].GetProperty("documentId").GetString()!;

        // Two analysts saw both entities with no change; the first merges, the second then splits what they saw.
        var merged = await _client.PostAsJsonAsync(
            $"/api/entities/{kept}/merge", new { absorbed, by = "amina", expectedChange = "none", expectedAbsorbedChange = "none" });
        var change = (await Problems.Json(merged, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var stale = await Problems.Expect(
            await _client.PostAsJsonAsync($"/api/entities/{kept}/split", new { document, by = "ibrahim", expectedChange = "none" }),
            HttpStatusCode.Conflict,
            "HRM0221");
        Assert.Contains(change, stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var gone = await Problems.Expect(
            await _client.PostAsJsonAsync($"/api/entities/{absorbed}/split", new { document, by = "ibrahim", expectedChange = "none" }),
            HttpStatusCode.Conflict,
            "HRM0221");
        Assert.Contains("amina merged", gone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problems.Expect(
            await _client.PostAsJsonAsync($"/api/entities/{kept}/split", new { document, by = "ibrahim", expectedChange = "last week" }),
            HttpStatusCode.BadRequest,
            "HRM0401");
        Assert.Equal(1, (await Problems.Json(await _client.GetAsync("/api/changes"))).GetArrayLength());

        // Looking again: the newest change in force on the entity is the merge, and with it the split goes through.
        var log = await Problems.Json(await _client.GetAsync("/api/changes?entity=" + kept));
        var latest = log.EnumerateArray().First(c => c.GetProperty("undoneBy").ValueKind == JsonValueKind.Null).GetProperty("id").GetString();
        Assert.Equal(change, latest);
        await Problems.Json(
            await _client.PostAsJsonAsync($"/api/entities/{kept}/split", new { document, by = "ibrahim", expectedChange = latest }),
            HttpStatusCode.Created);
    }

    /// <summary>Two organisations the registry does not list (the registry keeps its entries apart).</summary>
    private async Task<(string Kept, string Absorbed)> TwoUnlistedOrganizations()
    {
        var list = await Problems.Json(await _client.GetAsync("/api/entities?type=Organization&limit=500"));
        var unlisted = new List<string>();
        foreach (var e in list.GetProperty("items").EnumerateArray())
        {
            var id = e.GetProperty("id").GetString()!;
            var profile = await Problems.Json(await _client.GetAsync("/api/entities/" + id));
            if (profile.GetProperty("registryId").ValueKind == JsonValueKind.Null)
            {
                unlisted.Add(id);
            }
        }

        Assert.True(unlisted.Count >= 2, "the samples name at least two organisations no registry lists");
        return (unlisted[0], unlisted[1]);
    }
}
