using System.Globalization;
using System.Net;
using System.Text.Json;
using Harmattan.Knowledge;

namespace Harmattan.Server.Tests;

/// <summary>The read endpoints over a store holding the sample reports.</summary>
public sealed class QueryEndpointTests(SampleStore host) : IClassFixture<SampleStore>
{
    private readonly HttpClient _client = host.Client();

    [Fact]
    public async Task Documents_are_listed_in_pages_with_the_total()
    {
        var first = await Problems.Json(await _client.GetAsync("/api/documents?limit=3"));
        Assert.Equal(host.SampleCount, first.GetProperty("total").GetInt32());
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());

        var last = await Problems.Json(await _client.GetAsync($"/api/documents?offset={host.SampleCount - 1}&limit=3"));
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        var ids = first.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(last.GetProperty("items")[0].GetProperty("id").GetString(), ids);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Bad_paging_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await Problems.Expect(await _client.GetAsync("/api/documents?" + query), HttpStatusCode.BadRequest, "HRM0401");
        Assert.Equal(parameter, problem.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_document_is_read_by_id_prefix_with_its_extraction()
    {
        var list = await Problems.Json(await _client.GetAsync("/api/documents?limit=1"));
        var id = list.GetProperty("items")[0].GetProperty("id").GetString()!;

        var doc = await Problems.Json(await _client.GetAsync("/api/documents/" + id[..8]));
        Assert.Equal(id, doc.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.GetProperty("text").GetString()));
        var entities = doc.GetProperty("extraction").GetProperty("entities");
        Assert.True(entities.GetArrayLength() > 0);
        Assert.Equal(id, entities[0].GetProperty("evidence").GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task A_document_view_lists_the_dates_of_its_text_with_their_spans()
    {
        var list = await Problems.Json(await _client.GetAsync("/api/documents?limit=500"));
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var doc = await Problems.Json(await _client.GetAsync("/api/documents/" + item.GetProperty("id").GetString()));
            var text = doc.GetProperty("text").GetString()!;
            var dates = doc.GetProperty("dates").EnumerateArray().ToList();
            Assert.NotEmpty(dates);
            Assert.All(dates, d =>
            {
                var start = d.GetProperty("start").GetInt32();
                var end = d.GetProperty("end").GetInt32();
                Assert.InRange(start, 0, end - 1);
                Assert.InRange(end, 1, text.Length);
                Assert.Matches("^[0-9]{4}", d.GetProperty("iso").GetString());
                Assert.False(string.IsNullOrWhiteSpace(text[start..end]));
                if (!d.GetProperty("yearInferred").GetBoolean())
                {
                    Assert.Matches("[0-9]{4}", text[start..end]);
                }
            });
            Assert.Equal(0, doc.GetProperty("reviews").GetArrayLength());
        }
    }

    [Fact]
    public async Task Relations_are_listed_by_entity_and_type_and_events_by_type()
    {
        var all = await Problems.Json(await _client.GetAsync("/api/relations?limit=500"));
        var mnla = await Problems.Json(await _client.GetAsync("/api/relations?entity=MNLA&limit=500"));
        var leads = await Problems.Json(await _client.GetAsync("/api/relations?type=leads&limit=500"));

        Assert.True(mnla.GetProperty("total").GetInt32() > 0);
        Assert.True(mnla.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        var mnlaId = (await Problems.Json(await _client.GetAsync("/api/entities/MNLA"))).GetProperty("entity").GetProperty("id").GetString();
        Assert.All(mnla.GetProperty("items").EnumerateArray(), r => Assert.Contains(
            mnlaId, new[] { r.GetProperty("source").GetProperty("id").GetString(), r.GetProperty("target").GetProperty("id").GetString() }));
        Assert.NotEmpty(leads.GetProperty("items").EnumerateArray());
        Assert.All(leads.GetProperty("items").EnumerateArray(), r => Assert.Equal("leads", r.GetProperty("type").GetString()));
        await Problems.Expect(await _client.GetAsync("/api/relations?type=likes"), HttpStatusCode.BadRequest, "HRM0401");

        var attacks = await Problems.Json(await _client.GetAsync("/api/events?type=attack&limit=500"));
        Assert.NotEmpty(attacks.GetProperty("items").EnumerateArray());
        Assert.All(attacks.GetProperty("items").EnumerateArray(), e => Assert.Equal("attack", e.GetProperty("type").GetString()));
        await Problems.Expect(await _client.GetAsync("/api/events?type=picnic"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/events?actor=Nobody%20Anywhere"), HttpStatusCode.NotFound, "HRM0210");
    }

    [Fact]
    public async Task Profile_facts_locate_their_evidence_in_the_document_text()
    {
        var profile = await Problems.Json(await _client.GetAsync("/api/entities/MNLA"));
        var facts = profile.GetProperty("relations").GetProperty("items").EnumerateArray()
            .Concat(profile.GetProperty("claimsBy").GetProperty("items").EnumerateArray())
            .Concat(profile.GetProperty("events").GetProperty("items").EnumerateArray())
            .ToList();
        Assert.NotEmpty(facts);
        var texts = new Dictionary<string, string>();
        foreach (var from in facts.Select(f => f.GetProperty("from")))
        {
            var id = from.GetProperty("documentId").GetString()!;
            if (!texts.TryGetValue(id, out var text))
            {
                texts[id] = text = (await Problems.Json(await _client.GetAsync("/api/documents/" + id))).GetProperty("text").GetString()!;
            }

            var start = from.GetProperty("evidenceStart").GetInt32();
            var end = from.GetProperty("evidenceEnd").GetInt32();
            Assert.InRange(start, 0, end - 1);
            Assert.Equal(from.GetProperty("evidence").GetString(), text[start..end].ReplaceLineEndings(" ").Trim());
        }
    }

    [Fact]
    public async Task A_profile_holds_the_first_page_of_each_section_and_each_section_pages_on_its_own()
    {
        var profile = await Problems.Json(await _client.GetAsync("/api/entities/MNLA?limit=2"));
        var claims = profile.GetProperty("claimsAbout");
        var next = await Problems.Json(await _client.GetAsync("/api/entities/MNLA/claims-about?offset=2&limit=2"));
        var all = await Problems.Json(await _client.GetAsync("/api/entities/MNLA/claims-about?limit=500"));

        foreach (var section in new[] { "namedIn", "attributes", "relations", "events", "claimsBy", "claimsAbout" })
        {
            var page = profile.GetProperty(section);
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 0, 2);
            Assert.Equal(2, page.GetProperty("limit").GetInt32());
            Assert.False(page.GetProperty("totalIsLowerBound").GetBoolean());
            Assert.Equal(page.GetProperty("total").GetInt32() > 2, page.GetProperty("more").GetBoolean());
        }

        Assert.True(claims.GetProperty("total").GetInt32() > 2, "the samples hold several claims about the MNLA");
        Assert.Equal(profile.GetProperty("namedIn").GetProperty("total").GetInt32(), profile.GetProperty("documents").GetInt32());
        var paged = claims.GetProperty("items").EnumerateArray().Concat(next.GetProperty("items").EnumerateArray()).Select(Key);
        Assert.Equal(all.GetProperty("items").EnumerateArray().Take(4).Select(Key), paged);
        Assert.Equal(claims.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength());
        foreach (var section in new[] { "documents", "attributes", "relations", "events", "claims-by" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/entities/MNLA/{section}?limit=3")).StatusCode);
        }

        await Problems.Expect(await _client.GetAsync("/api/entities/MNLA?limit=0"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/entities/MNLA/claims-about?limit=501"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/entities/MNLA/events?offset=-1"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/entities/Nobody%20Anywhere/relations"), HttpStatusCode.NotFound, "HRM0210");

        static string Key(JsonElement claim) => claim.GetProperty("from").GetProperty("documentId").GetString() + claim.GetProperty("id").GetString();
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_problem_with_its_code()
    {
        var problem = await Problems.Expect(await _client.GetAsync("/api/documents/ffffffffffff"), HttpStatusCode.NotFound, "HRM0204");
        Assert.Equal("id", problem.GetProperty("subject").GetString());
        Assert.Contains("'ffffffffffff'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_are_listed_by_type_and_an_actor_profile_is_found_by_name()
    {
        var groups = await Problems.Json(await _client.GetAsync("/api/entities?type=armedgroup&limit=500"));
        var items = groups.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(groups.GetProperty("total").GetInt32(), items.Count);
        Assert.All(items, e => Assert.Equal("ArmedGroup", e.GetProperty("type").GetString()));

        var all = await Problems.Json(await _client.GetAsync("/api/entities?limit=1"));
        Assert.True(all.GetProperty("total").GetInt32() > items.Count);

        var group = items[0];
        var name = group.GetProperty("name").GetString()!;
        var profile = await Problems.Json(await _client.GetAsync("/api/entities/" + Uri.EscapeDataString(name)));
        Assert.Equal(group.GetProperty("id").GetString(), profile.GetProperty("entity").GetProperty("id").GetString());
        Assert.True(profile.GetProperty("documents").GetInt32() > 0);

        var found = await Problems.Json(await _client.GetAsync("/api/entities?q=" + Uri.EscapeDataString(name.ToUpperInvariant())));
        Assert.Contains(found.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == group.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Entity_errors_are_problems_with_their_codes()
    {
        await Problems.Expect(await _client.GetAsync("/api/entities/Nobody%20Anywhere"), HttpStatusCode.NotFound, "HRM0210");
        await Problems.Expect(await _client.GetAsync("/api/entities?type=dragon"), HttpStatusCode.BadRequest, "HRM0401");
    }

    [Fact]
    public async Task Search_finds_documents_and_pages_its_hits()
    {
        var hits = await Problems.Json(await _client.GetAsync("/api/search?q=Mali&limit=2"));
        Assert.Equal(2, hits.GetProperty("items").GetArrayLength());
        Assert.True(hits.GetProperty("more").GetBoolean());
        Assert.True(hits.GetProperty("ranked").GetBoolean());
        Assert.True(hits.GetProperty("items")[0].GetProperty("score").GetDouble() >= hits.GetProperty("items")[1].GetProperty("score").GetDouble());
        var next = await Problems.Json(await _client.GetAsync("/api/search?q=Mali&offset=2&limit=2"));
        Assert.NotEqual(Key(hits.GetProperty("items")[0]), Key(next.GetProperty("items")[0]));

        await Problems.Expect(await _client.GetAsync("/api/search"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/search?q=%22%22"), HttpStatusCode.BadRequest, "HRM0206");

        static string Key(JsonElement hit) => hit.GetProperty("documentId").GetString() + hit.GetProperty("claimId");
    }

    [Fact]
    public async Task The_timeline_is_in_date_order_and_filters_by_period()
    {
        var all = await Problems.Json(await _client.GetAsync("/api/timeline?limit=500"));
        var dates = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("date").GetString()!).ToList();
        Assert.NotEmpty(dates);

        var first = await Problems.Json(await _client.GetAsync("/api/timeline?limit=3"));
        var second = await Problems.Json(await _client.GetAsync("/api/timeline?offset=3&limit=3"));
        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.Equal(all.GetProperty("total").GetInt32(), first.GetProperty("total").GetInt32());
        Assert.Equal(
            dates.Take(6),
            first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("date").GetString()!));

        var since2021 = await Problems.Json(await _client.GetAsync("/api/timeline?since=2021&limit=500"));
        var later = since2021.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("date").GetString()!).ToList();
        Assert.NotEmpty(later);
        Assert.True(later.Count < dates.Count);
        Assert.All(later, d => Assert.True(string.CompareOrdinal(d, "2021") >= 0, d));

        await Problems.Expect(await _client.GetAsync("/api/timeline?since=2013&until=2012"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/timeline?since=soon"), HttpStatusCode.BadRequest, "HRM0401");
    }

    [Fact]
    public async Task Claims_are_listed_and_filtered_by_speaker()
    {
        var all = await Problems.Json(await _client.GetAsync("/api/claims?limit=500"));
        var claims = all.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        var speaker = claims[0].GetProperty("speaker");

        var bySpeaker = await Problems.Json(await _client.GetAsync("/api/claims?limit=500&speaker=" + speaker.GetProperty("id").GetString()));
        var theirs = bySpeaker.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(theirs);
        Assert.All(theirs, c => Assert.Equal(speaker.GetProperty("id").GetString(), c.GetProperty("speaker").GetProperty("id").GetString()));

        await Problems.Expect(await _client.GetAsync("/api/claims?speaker=Nobody%20Anywhere"), HttpStatusCode.NotFound, "HRM0210");
    }

    [Fact]
    public async Task Claims_and_relations_are_listed_newest_first_whatever_the_filter()
    {
        var all = (await Problems.Json(await _client.GetAsync("/api/claims?limit=500"))).GetProperty("items").EnumerateArray().ToList();
        var since = await Problems.Json(await _client.GetAsync("/api/claims?limit=500&since=2012-06"));
        var relations = await Problems.Json(await _client.GetAsync("/api/relations?limit=500&since=2012"));
        Assert.InRange(all.Count, 1, 499);
        var claim = all.First(c => c.GetProperty("about").GetArrayLength() > 0);
        var (speaker, about) = (claim.GetProperty("speaker").GetProperty("id").GetString(), claim.GetProperty("about")[0].GetProperty("id").GetString());
        var both = await Problems.Json(await _client.GetAsync($"/api/claims?limit=2&speaker={speaker}&about={about}"));

        foreach (var list in new[] { all, since.GetProperty("items").EnumerateArray().ToList(), relations.GetProperty("items").EnumerateArray().ToList() })
        {
            var days = list.Select(StartDay).ToList();
            Assert.NotEmpty(days);
            Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
        }

        Assert.All(since.GetProperty("items").EnumerateArray(), c => Assert.True(string.CompareOrdinal(LastDay(c), "2012-06-01") >= 0));
        var expected = all.Where(c => c.GetProperty("speaker").GetProperty("id").GetString() == speaker
                                      && c.GetProperty("about").EnumerateArray().Any(a => a.GetProperty("id").GetString() == about)).ToList();
        Assert.Equal(expected.Count, both.GetProperty("total").GetInt32());
        Assert.Equal(expected.Take(2).Select(c => c.GetProperty("id").GetString()), both.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(expected.Count > 2, both.GetProperty("more").GetBoolean());

        static PartialDate Date(JsonElement fact) =>
            PartialDate.TryParse(fact.GetProperty("from").GetProperty("date").GetString(), out var date) ? date : throw new FormatException("no date");
        static string StartDay(JsonElement fact) => Date(fact).Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string LastDay(JsonElement fact) => Date(fact).Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var doc = await Problems.Json(await _client.GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/documents", paths);
        Assert.Contains("/api/documents/{id}", paths);
        Assert.Contains("/api/entities", paths);
        Assert.Contains("/api/entities/{nameOrId}", paths);
        Assert.Contains("/api/entities/{nameOrId}/claims-about", paths);
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/timeline", paths);
        Assert.Contains("/api/claims", paths);
        Assert.Contains("/api/network", paths);
        Assert.Contains("/api/disputes", paths);
        Assert.Contains("/api/places", paths);
        Assert.Contains("/api/entities/{nameOrId}/merge", paths);
        Assert.Contains("/api/changes/{id}/undo", paths);
        Assert.Contains("/api/relations", paths);
        Assert.Contains("/api/events", paths);
        Assert.Contains("/api/reviews", paths);
        Assert.Contains("/api/review/queue", paths);
        Assert.Contains("/api/documents/{id}/reextract", paths);
        var notFound = doc.GetProperty("paths").GetProperty("/api/entities/{nameOrId}").GetProperty("get").GetProperty("responses").GetProperty("404");
        Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _));
        var date = doc.GetProperty("components").GetProperty("schemas").GetProperty("PartialDate");
        Assert.Contains("2012-03-22", date.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"string\"", date.GetProperty("type").GetRawText(), StringComparison.Ordinal);
        Assert.True(doc.GetProperty("paths").GetProperty("/api/documents").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task The_api_reference_page_is_served_from_local_assets_only()
    {
        var page = await _client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);

        // Every script the page loads comes from this server, and is there.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]+src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.False(src.StartsWith("http", StringComparison.OrdinalIgnoreCase), $"{src} is fetched from elsewhere");
            var url = src.StartsWith('/') ? src : "/scalar/" + src;
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task The_network_has_actors_with_centrality_and_narrows_around_one()
    {
        var whole = await Problems.Json(await _client.GetAsync("/api/network"));
        var nodes = whole.GetProperty("nodes").EnumerateArray().ToList();
        var edges = whole.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(nodes, n => Assert.True(n.GetProperty("degree").GetInt32() > 0));

        var hub = nodes.MaxBy(n => n.GetProperty("degree").GetInt32()).GetProperty("entity").GetProperty("id").GetString();
        var around = await Problems.Json(await _client.GetAsync($"/api/network?around={hub}&depth=1"));
        var near = around.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("entity").GetProperty("id").GetString()).ToList();
        Assert.Contains(hub, near);
        Assert.True(near.Count <= nodes.Count);
        Assert.All(around.GetProperty("edges").EnumerateArray(), e => Assert.Contains(e.GetProperty("source").GetProperty("id").GetString(), near));

        await Problems.Expect(await _client.GetAsync("/api/network?type=befriends"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/network?entityType=dragon"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/network?depth=-1"), HttpStatusCode.BadRequest, "HRM0401");
        Assert.False(around.GetProperty("truncated").GetBoolean());

        var cut = await Problems.Json(await _client.GetAsync($"/api/network?around={hub}&depth=2&maxActors=2"));
        Assert.True(cut.GetProperty("truncated").GetBoolean());
        Assert.Equal(2, cut.GetProperty("nodes").GetArrayLength());
        await Problems.Expect(await _client.GetAsync("/api/network?maxActors=0"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/network?maxActors=100000"), HttpStatusCode.BadRequest, "HRM0401");
    }

    [Fact]
    public async Task Disputes_and_places_are_listed_in_pages()
    {
        // The sample reports do not disagree with each other (the disputes verb finds none either), so
        // this checks the page and the parameters; DisputeFinder's own tests cover what a dispute holds.
        var disputes = await Problems.Json(await _client.GetAsync("/api/disputes?window=30&tolerance=0.25&limit=500"));
        Assert.Equal(disputes.GetProperty("total").GetInt32(), disputes.GetProperty("items").GetArrayLength());
        Assert.Equal(500, disputes.GetProperty("limit").GetInt32());
        await Problems.Expect(await _client.GetAsync("/api/disputes?tolerance=lots"), HttpStatusCode.BadRequest, "HRM0401");
        Assert.False(disputes.GetProperty("truncated").GetBoolean());
        var newest = await Problems.Json(await _client.GetAsync("/api/disputes?documents=1"));
        Assert.True(newest.GetProperty("truncated").GetBoolean());
        await Problems.Expect(await _client.GetAsync("/api/disputes?documents=0"), HttpStatusCode.BadRequest, "HRM0401");
        await Problems.Expect(await _client.GetAsync("/api/disputes?documents=10001"), HttpStatusCode.BadRequest, "HRM0401");
        var about = await Problems.Json(await _client.GetAsync("/api/disputes?actor=MNLA"));
        Assert.False(about.GetProperty("truncated").GetBoolean());
        Assert.Equal(about.GetProperty("total").GetInt32(), about.GetProperty("items").GetArrayLength());
        await Problems.Expect(await _client.GetAsync("/api/disputes?actor=Nobody%20Anywhere"), HttpStatusCode.NotFound, "HRM0210");

        var places = await Problems.Json(await _client.GetAsync("/api/places?limit=2"));
        Assert.Equal(2, places.GetProperty("items").GetArrayLength());
        Assert.True(places.GetProperty("total").GetInt32() > 2);
        var all = await Problems.Json(await _client.GetAsync("/api/places?limit=500"));
        Assert.Contains(all.GetProperty("items").EnumerateArray(), p => p.GetProperty("lat").ValueKind == JsonValueKind.Number);
    }
}
