using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Harmattan.Server.Tests;

/// <summary><c>GET /api/export</c> over the sample reports: each format with its media type and file name; bad parameters as problem+json.</summary>
public sealed class ExportEndpointTests(SampleStore host) : IClassFixture<SampleStore>
{
    [Theory]
    [InlineData("stix", "application/stix+json", "harmattan-export.stix.json")]
    [InlineData("acled", "text/csv", "harmattan-export.acled.csv")]
    [InlineData("graphml", "application/graphml+xml", "harmattan-export.graphml")]
    [InlineData("geojson", "application/geo+json", "harmattan-export.geojson")]
    [InlineData("jsonl", "application/jsonl", "harmattan-export.jsonl")]
    public async Task Each_format_downloads_with_its_media_type_and_a_file_name(string format, string mediaType, string fileName)
    {
        using var client = host.Client();
        using var response = await client.GetAsync($"/api/export?format={format}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        switch (format)
        {
            case "stix" or "geojson":
                using (var json = JsonDocument.Parse(body))
                {
                    Assert.Equal(format == "stix" ? "bundle" : "FeatureCollection", json.RootElement.GetProperty("type").GetString());
                }

                break;
            case "graphml":
                Assert.Equal("graphml", XDocument.Parse(body).Root!.Name.LocalName);
                break;
            case "acled":
                Assert.StartsWith("event_id_cnty,event_date,", body, StringComparison.Ordinal);
                break;
            default:
                Assert.All(body.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());
                break;
        }
    }

    [Fact]
    public async Task A_period_and_an_actor_narrow_the_export()
    {
        using var client = host.Client();
        var all = await client.GetStringAsync("/api/export?format=jsonl");
        var narrowed = await client.GetStringAsync("/api/export?format=jsonl&actor=MUJAO&since=2012&until=2013");
        Assert.True(narrowed.Length < all.Length);
        var events = narrowed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(o => o.GetProperty("kind").GetString() == "event").ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.InRange(string.CompareOrdinal(e.GetProperty("date").GetString()![..4], "2012"), 0, 1));
    }

    [Theory]
    [InlineData("/api/export", HttpStatusCode.BadRequest, "HRM0401")]
    [InlineData("/api/export?format=kml", HttpStatusCode.BadRequest, "HRM0401")]
    [InlineData("/api/export?format=stix&since=later", HttpStatusCode.BadRequest, "HRM0401")]
    [InlineData("/api/export?format=stix&actor=Nobody%20At%20All", HttpStatusCode.NotFound, "HRM0210")]
    public async Task Bad_parameters_are_problems_with_their_code(string url, HttpStatusCode status, string code)
    {
        using var client = host.Client();
        using var response = await client.GetAsync(url);
        await Problems.Expect(response, status, code);
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("text/html")]
    public async Task A_client_that_accepts_no_json_still_gets_the_problem(string accept)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/export?format=acled&since=later");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        var body = await Problems.Expect(response, HttpStatusCode.BadRequest, "HRM0401");
        Assert.Contains("later", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
