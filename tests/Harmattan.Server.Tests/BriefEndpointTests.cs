using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Harmattan.Analysis.Disputes;
using Harmattan.Exchange;
using Harmattan.Exchange.Briefing;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Harmattan.Server.Tests;

/// <summary>The sample reports served by a host whose clock is fixed, so a briefing's date is known.</summary>
public sealed class BriefSite : IDisposable
{
    public static readonly DateTimeOffset Now = new(2031, 5, 4, 9, 30, 0, TimeSpan.Zero);

    public BriefSite()
    {
        Factory = Samples.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now))));
    }

    public SampleStore Samples { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Samples.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>
/// <c>GET /api/brief</c> over the sample reports: the briefing the library writes for an actor, a place and a
/// period, as Markdown and HTML; bad parameters as problem+json naming the parameter; the roles of any read.
/// </summary>
public sealed partial class BriefEndpointTests(BriefSite site) : IClassFixture<BriefSite>
{
    private readonly HttpClient _client = site.Factory.CreateClient();

    public static TheoryData<string, string> Subjects => new()
    {
        { "actor=MNLA", "Briefing: National Movement for the Liberation of Azawad" },
        { "place=Gao", "Briefing: Gao" },
        { "since=2012&until=2013", "Briefing: 2012 to 2013" },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task Markdown_is_the_briefing_the_library_writes_every_sentence_footnoted(string query, string title)
    {
        using var response = await _client.GetAsync(new Uri("/api/brief?" + query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(Expected(query, BriefFormat.Markdown), body);
        Assert.StartsWith("# " + title + "\n", body, StringComparison.Ordinal);
        Assert.Contains("on 2031-05-04.", body, StringComparison.Ordinal);

        // Every sentence of a paragraph or list item ends with a note, and every note is listed under Sources.
        var lines = body.Split('\n');
        var said = lines.Where(l => l.Length > 0 && l[0] is not ('#' or '_' or '[')).ToList();
        Assert.True(said.Count >= 5, $"only {said.Count} lines of sentences:\n{body}");
        Assert.All(said, l => Assert.Matches(@"\[\^\d+\]$", l));
        var cited = said.SelectMany(l => Reference().Matches(l).Select(m => m.Groups[1].Value)).ToHashSet();
        var listed = lines.Select(l => NoteLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("## Sources", lines);
        Assert.Equal(cited.Order(), listed.Order());
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task Html_is_the_writers_page_with_its_own_policy(string query, string title)
    {
        using var response = await _client.GetAsync(new Uri($"/api/brief?{query}&format=html", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Expected(query, BriefFormat.Html), body);
        Assert.Contains($"<h1>{WebUtility.HtmlEncode(title)}</h1>", body, StringComparison.Ordinal);
        Assert.Contains("<sup><a href=\"#note-1\">1</a>", body, StringComparison.Ordinal);
        Assert.Contains("<li id=\"note-1\">", body, StringComparison.Ordinal);

        // Opened by itself in a browser, the page may show its inline style and nothing else.
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor=Ansar%20Dine&format=md&download=true", "briefing-ansar-dine.md", "text/markdown")]
    [InlineData("place=Gao&format=html&download=1", "briefing-gao.html", "text/html")]
    [InlineData("since=2012-03&until=2013&download=true", "briefing-2012-03-2013.md", "text/markdown")]
    public async Task A_download_is_asked_for_and_gets_a_file_name(string query, string fileName, string mediaType)
    {
        using var response = await _client.GetAsync(new Uri("/api/brief?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "HRM0401", "since")]
    [InlineData("?until=", HttpStatusCode.BadRequest, "HRM0401", "since")]
    [InlineData("?actor=MNLA&place=Gao", HttpStatusCode.BadRequest, "HRM0401", "place")]
    [InlineData("?actor=MNLA&format=pdf", HttpStatusCode.BadRequest, "HRM0401", "format")]
    [InlineData("?actor=MNLA&download=maybe", HttpStatusCode.BadRequest, "HRM0401", "download")]
    [InlineData("?since=2013&until=2012", HttpStatusCode.BadRequest, "HRM0401", "since")]
    [InlineData("?since=later", HttpStatusCode.BadRequest, "HRM0401", "since")]
    [InlineData("?actor=Nobody%20At%20All", HttpStatusCode.NotFound, "HRM0210", "actor")]
    [InlineData("?place=Nowhere%20At%20All&format=html", HttpStatusCode.NotFound, "HRM0210", "place")]
    public async Task Bad_parameters_are_problems_naming_the_parameter(string query, HttpStatusCode status, string code, string parameter)
    {
        using var response = await _client.GetAsync(new Uri("/api/brief" + query, UriKind.Relative));
        var problem = await Problems.Expect(response, status, code);
        Assert.Equal(parameter, problem.GetProperty("subject").GetString());
        Assert.Contains(parameter + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_is_quoted_in_the_problem()
    {
        var problem = await Problems.Expect(await _client.GetAsync(new Uri("/api/brief?actor=Nobody%20At%20All", UriKind.Relative)), HttpStatusCode.NotFound, "HRM0210");
        Assert.Contains("'Nobody At All'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_briefing()
    {
        var doc = await Problems.Json(await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var get = doc.GetProperty("paths").GetProperty("/api/brief").GetProperty("get");
        Assert.Equal("Brief", get.GetProperty("operationId").GetString());
        Assert.Equal("brief", get.GetProperty("tags")[0].GetString());
        var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ok.TryGetProperty("text/markdown", out _));
        Assert.True(ok.TryGetProperty("text/html", out _));
        foreach (var status in new[] { "400", "404", "409" })
        {
            Assert.True(get.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["actor", "place", "since", "until", "format", "download"], parameters);
    }

    [Fact]
    public async Task A_viewer_reads_briefings_and_anonymous_requests_are_refused_once_users_exist()
    {
        using var host = new SampleStore();
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync(new Uri("/api/brief?actor=MNLA", UriKind.Relative))).StatusCode);
        string secret;
        using (var store = KnowledgeStore.Open(host.DatabasePath))
        {
            store.AddUser("vera", Role.Viewer, "root");
            secret = store.IssueToken("vera", null, "root").Secret;
        }

        await Problems.Expect(await host.Client().GetAsync(new Uri("/api/brief?actor=MNLA", UriKind.Relative)), HttpStatusCode.Unauthorized, "HRM0501");
        using var viewer = host.Client();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await viewer.GetAsync(new Uri("/api/brief?place=Gao&format=html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>What the library writes for the same subject on the same store at the same time.</summary>
    private string Expected(string query, BriefFormat format)
    {
        var data = DataDirectory.Locate(ServerHost.DataPath);
        var builder = new BriefBuilder(ExchangeContext.Load(data), BriefPhrases.Load(data), StanceLexicon.Load(data));
        var parameters = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        using var store = KnowledgeStore.Open(site.Samples.DatabasePath);
        var period = new DatePeriod(
            parameters.TryGetValue("since", out var since) ? PartialDate.Parse(since) : null,
            parameters.TryGetValue("until", out var until) ? PartialDate.Parse(until) : null);
        var subject = new BriefSubject(
            parameters.TryGetValue("actor", out var actor) ? store.ResolveEntity(actor) : null,
            parameters.TryGetValue("place", out var place) ? store.ResolveEntity(place) : null,
            period);
        return format.Write(builder.Build(store, subject, BriefSite.Now));
    }

    [GeneratedRegex(@"\[\^(\d+)\]")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\[\^(\d+)\]:")]
    private static partial Regex NoteLine();
}
