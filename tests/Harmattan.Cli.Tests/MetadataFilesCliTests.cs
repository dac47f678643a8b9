using System.Text.Json;

namespace Harmattan.Cli.Tests;

/// <summary><c>ingest FOLDER</c> with sidecars and a manifest, end to end: what is stored, what is said, the exit code.</summary>
public sealed class MetadataFilesCliTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public MetadataFilesCliTests()
    {
        _dir.File("wire/kidal.txt", "The MNLA said on Monday that its fighters had taken the airport of Kidal.");
        _dir.File("wire/tessalit.txt", "Soldiers left the camp of Tessalit after a long siege, a resident said.");
        _dir.File("wire/harmattan-manifest.csv",
            "file,title,published,url\n" +
            "kidal.txt,MNLA takes Kidal airport,2012-03-30,https://example.org/kidal\n" +
            "tessalit.txt,Army leaves Tessalit,2012-03,\n");
        _dir.File("wire/tessalit.txt.meta.json", """{"published": "2012-03-11", "url": "https://example.org/tessalit"}""");
    }

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    [Fact]
    public void Ingest_folder_stores_each_report_with_its_manifest_row_and_sidecar()
    {
        var run = Run("ingest", "wire");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 added, 0 unchanged, 0 failed", run.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("wire/kidal.txt", "MNLA takes Kidal airport", "2012-03-30", "https://example.org/kidal"),
                ("wire/tessalit.txt", "Army leaves Tessalit", "2012-03-11", "https://example.org/tessalit"),
            ],
            Documents());
    }

    [Fact]
    public void The_command_line_overrides_sidecar_and_manifest()
    {
        var run = Run("ingest", "wire/tessalit.txt", "--title", "Tessalit abandoned", "--published", "2012-03-12");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("wire/tessalit.txt", "Tessalit abandoned", "2012-03-12", "https://example.org/tessalit")], Documents());
    }

    [Fact]
    public void A_malformed_sidecar_exits_1_naming_it_and_the_other_report_is_stored()
    {
        _dir.File("wire/kidal.txt.meta.json", """{"published": "30/03/2012"}""");

        var run = Run("ingest", "wire");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 added, 0 unchanged, 1 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"failed     [HRM0111] {Path.Combine("wire", "kidal.txt.meta.json")}: the document metadata is invalid (published '30/03/2012' is not a date: write 2012, 2012-03 or 2012-03-22)",
            run.Error,
            StringComparison.Ordinal);
        Assert.Equal(["wire/tessalit.txt"], Documents().Select(d => d.Source));
    }

    [Fact]
    public void A_bad_manifest_row_exits_1_naming_file_line_and_problem_in_the_json_too()
    {
        _dir.File("wire/harmattan-manifest.csv",
            "file,title,published,url\n" +
            "kidal.txt,MNLA takes Kidal airport,2012-03-30,kidal.html\n" +
            "tessalit.txt,Army leaves Tessalit,2012-03,\n" +
            "aguelhok.txt,Aguelhok,2012-01-24,\n");

        var run = Run("ingest", "wire", "--json");

        Assert.Equal(1, run.ExitCode);
        var failures = JsonDocument.Parse(run.Output).RootElement.GetProperty("documents").EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() == "failed")
            .Select(d => (d.GetProperty("source").GetString(), d.GetProperty("error").GetString(), d.GetProperty("message").GetString()))
            .ToList();
        var manifest = Path.Combine("wire", "harmattan-manifest.csv");
        Assert.Equal(
            [
                ("wire/kidal.txt", "HRM0111", $"[HRM0111] {manifest}:2: the document metadata is invalid (url 'kidal.html' is not an absolute http(s) URL)"),
                (Path.Combine("wire", "aguelhok.txt"), "HRM0111", $"[HRM0111] {manifest}:4: the document metadata is invalid ('aguelhok.txt' does not exist)"),
            ],
            failures);
        Assert.Equal(["wire/tessalit.txt"], Documents().Select(d => d.Source));
    }

    [Fact]
    public void An_unreadable_manifest_exits_2_before_anything_is_stored()
    {
        Assert.Equal(0, Run("init").ExitCode);
        _dir.File("wire/harmattan-manifest.csv", "name,title\nkidal.txt,Kidal\n");

        var run = Run("ingest", "wire");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"harmattan: [HRM0111] {Path.Combine("wire", "harmattan-manifest.csv")}:1: the document metadata is invalid (unknown column 'name': a manifest has the columns file, title, published (or date), url (genre and source are taken and not stored))",
            run.Error.Trim());
        Assert.Empty(Documents());
    }

    /// <summary>Source, title, publication date and URL of every stored document, by source.</summary>
    private List<(string? Source, string? Title, string? Published, string? Url)> Documents() =>
        JsonDocument.Parse(Run("docs", "--json").Output).RootElement.EnumerateArray()
            .Select(d => JsonDocument.Parse(Run("show", d.GetProperty("id").GetString()!, "--json").Output).RootElement.GetProperty("document"))
            .Select(d => (d.GetProperty("source").GetString(), d.GetProperty("title").GetString(), d.GetProperty("published").GetString(), d.GetProperty("url").GetString()))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();
}
