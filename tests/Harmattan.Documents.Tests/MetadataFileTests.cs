using Harmattan.Documents.Metadata;
using Harmattan.Knowledge;

namespace Harmattan.Documents.Tests;

/// <summary>Sidecars and manifests as files on disk: what they give, in which order, and how a bad one is named.</summary>
public sealed class MetadataFileTests : IDisposable
{
    private const string Report = "Gunmen attacked a checkpoint near Menaka on Tuesday, a local official said.";

    private readonly TempDir _dir = new();
    private readonly DocumentReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_sidecar_gives_a_plain_text_report_its_title_date_and_url()
    {
        var path = _dir.Write("menaka.txt", Report);
        _dir.Write("menaka.txt.meta.json", """{"title": "Checkpoint attacked near Menaka", "published": "2019-11-05", "url": "https://example.org/menaka"}""");

        var doc = _reader.ReadFile(path, new ReadOptions());

        Assert.Equal("Checkpoint attacked near Menaka", doc.Title);
        Assert.Equal("2019-11-05", doc.Published?.ToIso());
        Assert.Equal("https://example.org/menaka", doc.Url);
        Assert.Equal(path, doc.Source);
    }

    [Fact]
    public void A_pdf_with_empty_properties_takes_its_sidecar()
    {
        var path = _dir.Write("bulletin.pdf", PdfFixtures.WithText("Gunmen attacked a checkpoint near Menaka."));
        _dir.Write("bulletin.pdf.meta.json", """{"title": "Security bulletin 41", "published": "2019-11"}""");

        var doc = _reader.ReadFile(path, new ReadOptions());

        Assert.Equal("pdf", doc.Format);
        Assert.Equal("Security bulletin 41", doc.Title);
        Assert.Equal("2019-11", doc.Published?.ToIso());
    }

    [Fact]
    public void Without_a_sidecar_nothing_changes_and_the_id_never_depends_on_one()
    {
        var path = _dir.Write("menaka.txt", Report);
        var before = _reader.ReadFile(path, new ReadOptions());
        _dir.Write("menaka.txt.meta.json", """{"published": 2019}""");

        var after = _reader.ReadFile(path, new ReadOptions());

        Assert.Null(before.Published);
        Assert.Equal("2019", after.Published?.ToIso());
        Assert.Equal(before.ContentHash, after.ContentHash);
        Assert.Equal(before.Text, after.Text);
    }

    [Fact]
    public void Per_field_the_overrides_win_then_the_sidecar_then_the_manifest_then_the_file()
    {
        var path = _dir.Write("wire.md", "---\ntitle: Front matter title\ndate: 2013-01-10\nurl: https://example.org/front\n---\nFrench jets struck Konna.");
        _dir.Write("wire.md.meta.json", """{"title": "Sidecar title"}""");
        var listed = new ReportMetadata("Manifest title", PartialDate.OfDay(2013, 1, 11), null);

        var sidecarOverManifest = _reader.ReadFile(path, new ReadOptions { Listed = listed });
        var overridesOverAll = _reader.ReadFile(path, new ReadOptions { Listed = listed, Title = "Given title", Url = "https://example.org/given" });

        Assert.Equal("Sidecar title", sidecarOverManifest.Title);
        Assert.Equal("2013-01-11", sidecarOverManifest.Published?.ToIso());
        Assert.Equal("https://example.org/front", sidecarOverManifest.Url);
        Assert.Equal("Given title", overridesOverAll.Title);
        Assert.Equal("2013-01-11", overridesOverAll.Published?.ToIso());
        Assert.Equal("https://example.org/given", overridesOverAll.Url);
    }

    [Fact]
    public void Bytes_read_from_memory_take_the_listed_metadata_but_look_for_no_sidecar()
    {
        _dir.Write("stdin.meta.json", """{"title": "Never read"}""");

        var doc = _reader.Read(System.Text.Encoding.UTF8.GetBytes(Report), "stdin", new ReadOptions { Listed = new ReportMetadata(null, PartialDate.OfYear(2019), null) });

        Assert.Equal("2019", doc.Published?.ToIso());
        Assert.StartsWith("Gunmen attacked", doc.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"title\": \"Menaka\",}", "not valid JSON, line 1:")]
    [InlineData("", "not valid JSON, line 1:")]
    [InlineData("{\n  \"title\": \"Menaka\"\n  \"url\": \"https://example.org\"\n}", "not valid JSON, line 3:")]
    [InlineData("[\"Menaka\"]", "the content is a JSON array, not an object")]
    [InlineData("{\"outlet\": \"Reuters\"}", "unknown field 'outlet': a sidecar gives title, published (or date), url (genre and source are taken and not stored)")]
    [InlineData("{\"title\": \"a\", \"Title\": \"b\"}", "'title' is given twice")]
    [InlineData("{\"title\": 12}", "'title' must be a string, not a JSON number")]
    [InlineData("{\"date\": \"2012\", \"published\": \"2012\"}", "the date is given twice (published and date are the same field)")]
    [InlineData("{\"published\": true}", "'published' must be a string, not a JSON boolean")]
    [InlineData("{\"published\": \"22/03/2012\"}", "published '22/03/2012' is not a date: write 2012, 2012-03 or 2012-03-22")]
    [InlineData("{\"published\": \"2012-13\"}", "published '2012-13' is not a date")]
    [InlineData("{\"url\": \"example.org/menaka\"}", "url 'example.org/menaka' is not an absolute http(s) URL")]
    public void A_malformed_sidecar_is_HRM0111_naming_the_sidecar_and_the_problem(string json, string problem)
    {
        var path = _dir.Write("menaka.txt", Report);
        var sidecar = _dir.Write("menaka.txt.meta.json", json);

        var e = Assert.Throws<HarmattanException>(() => _reader.ReadFile(path, new ReadOptions()));

        Assert.Equal(HarmattanError.BadMetadata, e.Error);
        Assert.Equal(sidecar, e.Subject);
        Assert.StartsWith($"[HRM0111] {sidecar}: the document metadata is invalid (", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sidecar_may_have_a_byte_order_mark_nulls_a_timestamp_and_date_for_published()
    {
        var path = _dir.Write("menaka.txt", Report);
        _dir.Write("menaka.txt.meta.json", "\uFEFF{\"title\": null, \"date\": \"2019-11-05T08:00:00Z\", \"url\": \"\"}");

        var doc = _reader.ReadFile(path, new ReadOptions());

        Assert.Equal("2019-11-05", doc.Published?.ToIso());
        Assert.Null(doc.Url);
        Assert.StartsWith("Gunmen attacked", doc.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.txt.meta.json", true)]
    [InlineData("dir/a.pdf.meta.json", true)]
    [InlineData(".meta.json", false)]
    [InlineData("report.meta.json.txt", false)]
    [InlineData("report.txt.META.JSON", false)]
    public void A_sidecar_is_known_by_its_name(string path, bool isSidecar) =>
        Assert.Equal(isSidecar, ReportSidecar.IsSidecar(path));

    [Fact]
    public void A_manifest_gives_each_row_its_metadata_resolved_against_its_folder()
    {
        var path = _dir.Write("harmattan-manifest.csv",
            "File, URL ,title,Date\r\n" +
            "2012/coup.txt,https://example.org/coup,\"Mutiny in Bamako, soldiers say\",2012-03-22\r\n" +
            "\r\n" +
            "gao.txt,,,2012-04\r\n");

        var manifest = MetadataManifest.Read(path);

        Assert.Equal(_dir.Path, manifest.Folder);
        Assert.Collection(
            manifest.Rows,
            row =>
            {
                Assert.Equal(path + ":2", row.Where);
                Assert.Equal(Path.Combine(_dir.Path, "2012", "coup.txt"), row.FullPath);
                Assert.Equal(new ReportMetadata("Mutiny in Bamako, soldiers say", PartialDate.OfDay(2012, 3, 22), "https://example.org/coup"), row.Metadata);
                Assert.Null(row.Problem);
            },
            row =>
            {
                Assert.Equal(path + ":4", row.Where);
                Assert.Equal(new ReportMetadata(null, PartialDate.OfMonth(2012, 4), null), row.Metadata);
            });
    }

    [Fact]
    public void A_bad_row_keeps_its_line_and_problem_and_the_others_are_read()
    {
        var path = _dir.Write("harmattan-manifest.csv",
            "file,title,published,url\n" +
            "a.txt,\"A title over\ntwo lines\",2012,\n" +
            "b.txt,Bad date,March 2012,\n" +
            "c.txt,Short row\n" +
            ",No file,2012,\n" +
            "../d.txt,Outside,2012,\n" +
            "e.txt,Broken \"quote,2012,\n" +
            "f.txt,Bad url,2012,ftp://example.org/f\n" +
            "g.txt,Good,2013,\n");

        var rows = MetadataManifest.Read(path).Rows.ToDictionary(r => r.Where, r => r.Problem);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                [path + ":2"] = null,
                [path + ":4"] = "published 'March 2012' is not a date: write 2012, 2012-03 or 2012-03-22",
                [path + ":5"] = "the row has 2 fields where the header has 4",
                [path + ":6"] = "the 'file' cell is empty",
                [path + ":7"] = "'../d.txt' is outside the manifest's folder: a manifest describes the reports in its folder and below",
                [path + ":8"] = "not valid CSV near Broken \"quote",
                [path + ":9"] = "url 'ftp://example.org/f' is not an absolute http(s) URL",
                [path + ":10"] = null,
            },
            rows);
    }

    [Theory]
    [InlineData("", "no header")]
    [InlineData("title,published\na,2012\n", ":1: the document metadata is invalid (the header has no 'file' column")]
    [InlineData("file,title,outlet\na.txt,A,Reuters\n", ":1: the document metadata is invalid (unknown column 'outlet': a manifest has the columns file, title, published (or date), url (genre and source are taken and not stored))")]
    [InlineData("\n\nfile,title,Title\n", ":3: the document metadata is invalid ('title' is given twice)")]
    [InlineData("file;title;published\n", ":1: the document metadata is invalid (the header 'file;title;published' has no comma: a manifest's values are separated by commas, not semicolons)")]
    public void A_manifest_that_cannot_be_used_is_refused_whole_naming_file_and_line(string csv, string problem)
    {
        var path = _dir.Write("harmattan-manifest.csv", csv);

        var e = Assert.Throws<HarmattanException>(() => MetadataManifest.Read(path));

        Assert.Equal(HarmattanError.BadMetadata, e.Error);
        Assert.StartsWith("[HRM0111] " + path, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_is_not_utf8_is_HRM0102()
    {
        var path = _dir.Write("harmattan-manifest.csv", [.. "file,title\na.txt,S"u8, 0xE9, .. "gou\n"u8]);

        var e = Assert.Throws<HarmattanException>(() => MetadataManifest.Read(path));

        Assert.Equal(HarmattanError.NotUtf8, e.Error);
        Assert.Equal(path, e.Subject);
    }
}
