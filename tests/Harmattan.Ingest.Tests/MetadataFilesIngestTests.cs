using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Ingest.Tests;

/// <summary>
/// A folder of plain-text reports we wrote, with sidecars and a manifest, ingested through the real readers,
/// pipeline and SQLite store: each document keeps the metadata given for it, in the documented order, and a
/// bad sidecar or row fails its report only.
/// </summary>
public sealed class MetadataFilesIngestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "harmattan-metadata-tests", Guid.NewGuid().ToString("N"));
    private readonly IngestedStore _kb = new();

    public MetadataFilesIngestTests()
    {
        Write("coup.txt", "Mutinous soldiers staged a coup in Bamako on 22 March, a spokesman said.");
        Write("gao.txt", "Fighters of the MNLA entered Gao on 31 March after the army withdrew, residents said.");
        Write("2013/konna.txt", "French aircraft struck Ansar Dine positions near Konna on 11 January, the minister said.");
        Write("harmattan-manifest.csv",
            "file,title,published,url\n" +
            "coup.txt,Mutiny in Bamako,2012-03,https://example.org/wire/coup\n" +
            "gao.txt,Rebels enter Gao,2012-04-01,https://example.org/wire/gao\n" +
            "2013/konna.txt,Strikes near Konna,2013,\n");
        // The sidecar names the day the manifest left at the month, and keeps the manifest's title and URL.
        Write("coup.txt.meta.json", """{"published": "2012-03-23"}""");
        Write("2013/konna.txt.meta.json", """{"title": "French strikes near Konna", "url": "https://example.org/wire/konna"}""");
    }

    public void Dispose()
    {
        _kb.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Each_report_of_the_folder_is_stored_with_the_metadata_given_for_it()
    {
        var results = _kb.Ingest(_folder);

        Assert.All(results, r => Assert.Equal(IngestStatus.Added, r.Status));
        Assert.Equal(
            [
                ("French strikes near Konna", "2013", "https://example.org/wire/konna"),
                ("Mutiny in Bamako", "2012-03-23", "https://example.org/wire/coup"),
                ("Rebels enter Gao", "2012-04-01", "https://example.org/wire/gao"),
            ],
            Stored());
    }

    [Fact]
    public void The_sidecar_date_anchors_the_dates_of_the_text()
    {
        _kb.Ingest(_folder);

        var coup = _kb.Store.GetDocument(Assert.Single(_kb.Store.ListDocuments(), d => d.Title == "Mutiny in Bamako").Id);

        // "22 March" has no year of its own: the publication date the sidecar gave supplies it.
        Assert.Contains(coup.Extraction.Events, e => e.Type == "coup" && e.Date.ToIso() == "2012-03-22");
    }

    [Fact]
    public void Sidecars_and_the_manifest_are_never_stored_as_reports()
    {
        var results = _kb.Ingest(_folder);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.EndsWith(".txt", r.Input.Name, StringComparison.Ordinal));
        Assert.All(_kb.Store.ListDocuments(), d => Assert.EndsWith(".txt", d.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_sidecar_fails_only_its_report_naming_the_sidecar_and_the_problem()
    {
        var sidecar = Write("gao.txt.meta.json", """{"title": "Rebels enter Gao", "publised": "2012-04-01"}""");

        var results = _kb.Ingest(_folder);

        var failed = Assert.Single(results, r => r.Status == IngestStatus.Failed);
        Assert.EndsWith("gao.txt", failed.Input.Name, StringComparison.Ordinal);
        Assert.Equal(HarmattanError.BadMetadata, failed.Error);
        Assert.Equal($"[HRM0111] {sidecar}: the document metadata is invalid (unknown field 'publised': a sidecar gives title, published (or date), url (genre and source are taken and not stored))", failed.Message);
        Assert.Equal(["French strikes near Konna", "Mutiny in Bamako"], Stored().Select(d => d.Title));
    }

    [Fact]
    public void A_bad_manifest_row_fails_only_its_report_naming_the_manifest_line_and_the_problem()
    {
        Write("harmattan-manifest.csv",
            "file,title,published,url\n" +
            "coup.txt,Mutiny in Bamako,2012-03,https://example.org/wire/coup\n" +
            "gao.txt,Rebels enter Gao,1 April 2012,https://example.org/wire/gao\n" +
            "2013/konna.txt,Strikes near Konna,2013,\n");

        var results = _kb.Ingest(_folder);

        var failed = Assert.Single(results, r => r.Status == IngestStatus.Failed);
        Assert.EndsWith("gao.txt", failed.Input.Name, StringComparison.Ordinal);
        Assert.Equal(HarmattanError.BadMetadata, failed.Error);
        Assert.EndsWith("harmattan-manifest.csv:3: the document metadata is invalid (published '1 April 2012' is not a date: write 2012, 2012-03 or 2012-03-22)", failed.Message, StringComparison.Ordinal);
        Assert.Equal(2, _kb.Store.ListDocuments().Count);
    }

    [Fact]
    public void A_row_naming_a_missing_file_and_a_sidecar_without_its_report_are_reported()
    {
        File.AppendAllText(Path.Combine(_folder, "harmattan-manifest.csv"), "2013/timbuktu.txt,Timbuktu,2013-01-28,\n");
        var orphan = Write("2013/gao.txt.meta.json", """{"title": "Left behind by a move"}""");

        var results = _kb.Ingest(_folder);

        Assert.Equal(3, results.Count(r => r.Status == IngestStatus.Added));
        var failures = results.Where(r => r.Status == IngestStatus.Failed).Select(r => r.Message).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, m => m!.EndsWith("harmattan-manifest.csv:5: the document metadata is invalid ('2013/timbuktu.txt' does not exist)", StringComparison.Ordinal));
        Assert.Contains(failures, m => m == $"[HRM0111] {orphan}: the document metadata is invalid (there is no report {Path.Combine(_folder, "2013", "gao.txt")} beside it; a sidecar is named after its report, REPORT.meta.json)");
    }

    [Fact]
    public void A_report_listed_twice_fails_naming_both_rows()
    {
        Write("2013/harmattan-manifest.csv", "file,published\nkonna.txt,2013-01-11\n");

        var results = _kb.Ingest(_folder);

        var failed = Assert.Single(results, r => r.Status == IngestStatus.Failed);
        Assert.EndsWith("konna.txt", failed.Input.Name, StringComparison.Ordinal);
        Assert.Contains("is listed already at", failed.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("2013", "harmattan-manifest.csv") + ":2", failed.Message, StringComparison.Ordinal);
        Assert.Contains("harmattan-manifest.csv:4", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_applies_to_a_report_named_on_its_own_and_to_a_subfolder_walked_alone()
    {
        var named = _kb.Ingest(Path.Combine(_folder, "gao.txt"));
        var sub = _kb.Ingest(Path.Combine(_folder, "2013"));

        Assert.Equal(IngestStatus.Added, Assert.Single(named).Status);
        Assert.Equal(IngestStatus.Added, Assert.Single(sub).Status);
        Assert.Equal(
            [
                ("French strikes near Konna", "2013", "https://example.org/wire/konna"),
                ("Rebels enter Gao", "2012-04-01", "https://example.org/wire/gao"),
            ],
            Stored());
    }

    [Fact]
    public void An_unreadable_manifest_stops_the_run_before_anything_is_stored()
    {
        Write("harmattan-manifest.csv", "path,title\ncoup.txt,Mutiny\n");

        var e = Assert.Throws<HarmattanException>(() => _kb.Ingest(_folder));

        Assert.Equal(HarmattanError.BadMetadata, e.Error);
        Assert.Contains("harmattan-manifest.csv:1: the document metadata is invalid (unknown column 'path'", e.Message, StringComparison.Ordinal);
        Assert.Empty(_kb.Store.ListDocuments());
    }

    [Fact]
    public void A_stored_document_stays_as_it_is_when_its_metadata_changes()
    {
        _kb.Ingest(_folder);
        Write("gao.txt.meta.json", """{"title": "Renamed later", "published": "2012-03-31"}""");

        var again = _kb.Ingest(_folder);

        Assert.All(again, r => Assert.Equal(IngestStatus.Unchanged, r.Status));
        Assert.Contains(("Rebels enter Gao", "2012-04-01", "https://example.org/wire/gao"), Stored());
    }

    [Fact]
    public void A_sidecar_or_manifest_named_as_an_input_fails_saying_what_to_give()
    {
        var results = _kb.Ingest(Path.Combine(_folder, "coup.txt.meta.json"), Path.Combine(_folder, "harmattan-manifest.csv"));

        Assert.All(results, r => Assert.Equal(HarmattanError.UnsupportedFormat, r.Error));
        Assert.Contains("a sidecar holds the metadata of", results[0].Message, StringComparison.Ordinal);
        Assert.Contains("a manifest lists the metadata of the reports of its folder", results[1].Message, StringComparison.Ordinal);
        Assert.Empty(_kb.Store.ListDocuments());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\0name.txt")]
    public void A_path_that_is_no_path_still_fails_as_unreadable(string path)
    {
        var failed = Assert.Single(_kb.Ingest(path));

        Assert.Equal(HarmattanError.Unreadable, failed.Error);
    }

    [Fact]
    public void A_sidecar_named_after_the_report_without_its_extension_is_read_with_the_fields_corpora_add()
    {
        // As corpora ship them: 07.meta.json beside 07.txt, with a genre and a date that may be null.
        var folder = Path.Combine(_folder, "corpus");
        Write("corpus/07.txt", "Gunmen attacked a convoy near Ansongo, officials said.");
        Write("corpus/07.meta.json", """{"url": "https://example.org/07", "title": "Convoy attacked", "genre": "news", "published": "2015-06-02"}""");
        Write("corpus/08.txt", "The army said it had retaken the town.");
        Write("corpus/08.meta.json", """{"url": "https://example.org/08", "title": "Town retaken", "genre": "news", "published": null}""");
        // One named with the extension wins over one named without.
        Write("corpus/08.txt.meta.json", """{"title": "The town is retaken"}""");

        var results = _kb.Ingest(folder);

        Assert.All(results, r => Assert.Equal(IngestStatus.Added, r.Status));
        Assert.Equal(
            [("Convoy attacked", "2015-06-02", "https://example.org/07"), ("The town is retaken", null, null)],
            Stored());
    }

    /// <summary>Title, publication date and URL of every stored document, by title.</summary>
    private List<(string Title, string? Published, string? Url)> Stored() =>
        _kb.Store.ListDocuments()
            .Select(d => _kb.Store.GetDocument(d.Id).Document)
            .Select(d => (d.Title, d.Published?.ToIso(), d.Url))
            .OrderBy(d => d.Title, StringComparer.Ordinal)
            .ToList();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
