using System.Net.Http.Headers;
using System.Text.Json;
using Harmattan.Server;
using Harmattan.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Harmattan.Web.Tests;

/// <summary>
/// The real server as <c>serve</c> builds it, listening on a loopback port, over a SQLite file in a temporary
/// folder and the repository's <c>data/</c>. It holds samples/reports and this project's Reports/ (hostile
/// markup; two sources that disagree; from tests/Shared/Reports, a town and a man that share the name
/// <see cref="SharedName"/>), every file sent through the upload API as an analyst would.
/// </summary>
public sealed class HarmattanSite : IAsyncLifetime
{
    /// <summary>The name of a town and of a man named after it: ambiguous.</summary>
    public const string SharedName = "Tadjmart";

    private readonly string _folder = Directory.CreateTempSubdirectory("harmattan-web-").FullName;
    private WebApplication? _app;

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The stored document id of each uploaded file, by file name.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; private set; } = new Dictionary<string, string>();

    public HttpClient Client { get; private set; } = null!;

    public static string TestReports => Path.Combine(AppContext.BaseDirectory, "Reports");

    public async Task InitializeAsync()
    {
        _app = HarmattanServer.Build([], s =>
        {
            s.Database = Path.Combine(_folder, "kb.db");
            s.Data = Path.Combine(RepositoryRoot.Path, "data");
        });
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = Address };

        var files = Directory.GetFiles(RepositoryRoot.SampleReports).Concat(Directory.GetFiles(TestReports)).Order(StringComparer.Ordinal).ToList();
        using var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", Path.GetFileName(file));
        }

        using var response = await Client.PostAsync(new Uri("api/documents", UriKind.Relative), form);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (!response.IsSuccessStatusCode || body.GetProperty("added").GetInt32() != files.Count)
        {
            throw new InvalidOperationException($"the reports did not all ingest ({(int)response.StatusCode}): {body}");
        }

        Documents = body.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("id").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>GET a JSON document from the API.</summary>
    public async Task<JsonElement> Api(string pathAndQuery)
    {
        using var response = await Client.GetAsync(new Uri(pathAndQuery.TrimStart('/'), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Every browser test shares one site: starting it and ingesting the reports is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSite : ICollectionFixture<HarmattanSite>
{
    public const string Name = "site";
}
