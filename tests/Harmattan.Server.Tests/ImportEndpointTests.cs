using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Harmattan.Server.Tests;

/// <summary><c>POST /api/import</c>: an ACLED file we wrote, imported, re-imported unchanged; bad files as problem+json.</summary>
public sealed class ImportEndpointTests : IDisposable
{
    private const string Acled =
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,country,location,latitude,longitude,notes,fatalities\n"
        + "API1,2013-02-21,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,16.27,-0.04,\"Clashes, then \"\"calm\"\"\",3\n"
        + "API2,never,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,,,,0\n";

    private readonly ServerHost _host = new();

    public void Dispose() => _host.Dispose();

    private static MultipartFormDataContent Upload(string name, string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task A_file_imports_with_its_malformed_rows_listed_and_a_second_time_changes_nothing()
    {
        using var client = _host.Client();
        using var first = await client.PostAsync("/api/import", Upload("events.csv", Acled));
        var body = await Problems.Json(first, HttpStatusCode.Created);
        Assert.Equal("acled", body.GetProperty("format").GetString());
        Assert.Equal(1, body.GetProperty("added").GetInt32());
        var malformed = body.GetProperty("malformed")[0];
        Assert.Equal(3, malformed.GetProperty("line").GetInt32());
        Assert.Contains("event_date", malformed.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var second = await client.PostAsync("/api/import", Upload("events.csv", Acled));
        var again = await Problems.Json(second, HttpStatusCode.OK);
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());

        var timeline = await Problems.Json(await client.GetAsync("/api/timeline?actor=MUJAO"));
        Assert.Equal(1, timeline.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_an_import_is_400_with_its_code()
    {
        using var client = _host.Client();
        using var response = await client.PostAsync("/api/import", Upload("notes.csv", "title,author\nA,B\n"));
        await Problems.Expect(response, HttpStatusCode.BadRequest, "HRM0112");
        using var format = await client.PostAsync("/api/import?format=kml", Upload("events.csv", Acled));
        await Problems.Expect(format, HttpStatusCode.BadRequest, "HRM0401");
        using var json = await client.PostAsync("/api/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        await Problems.Expect(json, HttpStatusCode.UnsupportedMediaType, "HRM0105");
    }
}
