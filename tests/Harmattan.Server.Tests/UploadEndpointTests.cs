using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Harmattan.Tests;

namespace Harmattan.Server.Tests;

/// <summary>POST /api/documents into an empty store: per-file results, and the limits on what is accepted.</summary>
public sealed class UploadEndpointTests : IDisposable
{
    private readonly ServerHost _host = new();
    private readonly HttpClient _client;

    public UploadEndpointTests() => _client = _host.Client();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_sample_report_is_ingested_then_recognised_when_sent_again()
    {
        var path = Path.Combine(RepositoryRoot.SampleReports, "2017-03-jnim-merger.md");
        var created = await _client.PostAsync("/api/documents", Form(("2017-03-jnim-merger.md", File.ReadAllBytes(path))));
        var body = await Problems.Json(created, HttpStatusCode.Created);
        Assert.Equal(1, body.GetProperty("added").GetInt32());
        var file = body.GetProperty("files")[0];
        Assert.Equal("Added", file.GetProperty("status").GetString());
        Assert.True(file.GetProperty("entities").GetInt32() > 0);
        var id = file.GetProperty("id").GetString()!;
        Assert.Equal("/api/documents/" + id, created.Headers.Location?.ToString());

        var stored = await Problems.Json(await _client.GetAsync("/api/documents/" + id));
        Assert.Equal(id, stored.GetProperty("id").GetString());

        var again = await Problems.Json(await _client.PostAsync("/api/documents", Form(("again.md", File.ReadAllBytes(path)))));
        Assert.Equal("Unchanged", again.GetProperty("files")[0].GetProperty("status").GetString());
        Assert.Equal(id, again.GetProperty("files")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Reports_sent_as_json_are_ingested_with_the_metadata_given()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot.SampleReports, "2017-03-jnim-merger.md"));
        var created = await _client.PostAsJsonAsync("/api/documents", new
        {
            documents = new object[]
            {
                new { text = markdown, format = "md", title = "JNIM formed", published = "2017-03-02", url = "https://example.org/jnim" },
                new { text = "The MNLA said on 6 April 2012 that it had taken Gao.", name = "wire" },
            },
        });

        var body = await Problems.Json(created, HttpStatusCode.Created);
        Assert.Equal(2, body.GetProperty("added").GetInt32());
        var first = body.GetProperty("files")[0];
        Assert.Equal(("JNIM formed", "wire.txt"), (first.GetProperty("title").GetString(), body.GetProperty("files")[1].GetProperty("file").GetString()));
        var stored = await Problems.Json(await _client.GetAsync("/api/documents/" + first.GetProperty("id").GetString()));
        Assert.Equal(("2017-03-02", "https://example.org/jnim", "md"),
            (stored.GetProperty("published").GetString(), stored.GetProperty("url").GetString(), stored.GetProperty("format").GetString()));
    }

    [Theory]
    [InlineData("{\"documents\": []}", "documents")]
    [InlineData("{\"documents\": [{\"title\": \"no text\"}]}", "documents[0].text")]
    [InlineData("{\"documents\": [{\"text\": \"x\", \"published\": \"soon\"}]}", "documents[0].published")]
    [InlineData("{\"documents\": [", "body")]
    public async Task Bad_json_uploads_are_a_400_naming_the_field_and_store_nothing(string json, string field)
    {
        var response = await _client.PostAsync("/api/documents", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Problems.Expect(response, HttpStatusCode.BadRequest, "HRM0401");
        Assert.Equal(field, problem.GetProperty("subject").GetString());
        var list = await Problems.Json(await _client.GetAsync("/api/documents"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_empty_file_fails_with_its_code_and_the_other_files_are_stored()
    {
        var good = File.ReadAllBytes(Path.Combine(RepositoryRoot.SampleReports, "2021-06-mali-two-coups.txt"));
        var response = await _client.PostAsync("/api/documents", Form(("empty.txt", []), ("coups.txt", good)));
        var body = await Problems.Json(response, HttpStatusCode.Created);
        Assert.Equal(1, body.GetProperty("failed").GetInt32());
        var empty = body.GetProperty("files")[0];
        Assert.Equal("empty.txt", empty.GetProperty("file").GetString());
        Assert.Equal("Failed", empty.GetProperty("status").GetString());
        Assert.Equal("HRM0101", empty.GetProperty("error").GetString());
        Assert.Equal("Added", body.GetProperty("files")[1].GetProperty("status").GetString());

        var list = await Problems.Json(await _client.GetAsync("/api/documents"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_of_another_format_is_a_415_and_nothing_is_stored()
    {
        var good = File.ReadAllBytes(Path.Combine(RepositoryRoot.SampleReports, "2021-06-mali-two-coups.txt"));
        var response = await _client.PostAsync("/api/documents", Form(("coups.txt", good), ("setup.exe", [0x4d, 0x5a, 0x90])));
        var problem = await Problems.Expect(response, HttpStatusCode.UnsupportedMediaType, "HRM0105");
        Assert.Equal("setup.exe", problem.GetProperty("subject").GetString());

        var list = await Problems.Json(await _client.GetAsync("/api/documents"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413()
    {
        var big = new byte[ServerHost.UploadLimit + 1];
        Array.Fill(big, (byte)'a');
        var response = await _client.PostAsync("/api/documents", Form(("big.txt", big)));
        await Problems.Expect(response, HttpStatusCode.RequestEntityTooLarge, "HRM0104");
    }

    [Fact]
    public async Task An_upload_of_unknown_length_over_the_limit_is_a_413()
    {
        // A stream that cannot say its length: the request goes chunked, so the limit is met while reading.
        var big = new byte[ServerHost.UploadLimit + 1];
        Array.Fill(big, (byte)'a');
        var form = new MultipartFormDataContent();
        form.Add(new StreamContent(new UnseekableStream(big)), "files", "big.txt");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.TransferEncodingChunked = true;
        await Problems.Expect(await _client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "HRM0104");

        var list = await Problems.Json(await _client.GetAsync("/api/documents"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_body_that_is_neither_multipart_nor_json_is_a_415()
    {
        var response = await _client.PostAsync("/api/documents", new StringContent("a report", System.Text.Encoding.UTF8, "text/plain"));
        await Problems.Expect(response, HttpStatusCode.UnsupportedMediaType, "HRM0105");
    }

    [Fact]
    public async Task A_request_without_files_is_a_400()
    {
        await Problems.Expect(await _client.PostAsync("/api/documents", Form()), HttpStatusCode.BadRequest, "HRM0401");
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        if (files.Length == 0)
        {
            form.Add(new StringContent("nothing"), "note");
        }

        return form;
    }

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
