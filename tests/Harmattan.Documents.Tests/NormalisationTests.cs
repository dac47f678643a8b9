using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Documents.Tests;

/// <summary>The document id depends on what a report says, not on how the file was saved.</summary>
public sealed class NormalisationTests : IDisposable
{
    private const string Report = "Goïta Takes Power\n\nOn 24 May 2021 soldiers detained Bah Ndaw in Kati.\nGoïta said that the charter had been breached.";

    private readonly TempDir _dir = new();
    private readonly DocumentReader _reader = new();
    private readonly ReadOptions _options = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Variants => new()
    {
        { "crlf", Report.Replace("\n", "\r\n", StringComparison.Ordinal) },
        { "cr", Report.Replace("\n", "\r", StringComparison.Ordinal) },
        { "bom", "\uFEFF" + Report },
        { "nfd", Report.Normalize(NormalizationForm.FormD) },
        { "trailing-spaces", Report.Replace("\n", "  \t\n", StringComparison.Ordinal) + "   " },
        { "extra-blank-lines", "\n\n" + Report.Replace("\n\n", "\n\n\n\n \n", StringComparison.Ordinal) + "\n\n\n" },
        { "control-chars", Report.Replace("Kati", "Ka\u0007ti\u0000", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal) },
        { "all-at-once", "\uFEFF" + Report.Normalize(NormalizationForm.FormD).Replace("\n", " \r\n", StringComparison.Ordinal) + "\r\n\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Saving_the_same_report_differently_gives_the_same_text_and_hash(string name, string variant)
    {
        var original = _reader.ReadFile(_dir.Write("original.txt", Report), _options);
        var copy = _reader.ReadFile(_dir.Write(name + ".txt", variant), _options);

        Assert.Equal(Report, original.Text);
        Assert.Equal(original.Text, copy.Text);
        Assert.Equal(original.ContentHash, copy.ContentHash);
        Assert.Equal(StableId.Sha256Hex(Report), copy.ContentHash);
    }

    [Fact]
    public void The_same_plain_paragraphs_as_text_and_as_markdown_have_the_same_id()
    {
        var txt = _reader.ReadFile(_dir.Write("a.txt", "First paragraph about Gao.\n\nSecond paragraph about Kidal."), _options);
        var md = _reader.ReadFile(_dir.Write("a.md", "First paragraph about *Gao*.\n\nSecond paragraph about [Kidal](https://example.org/kidal)."), _options);

        Assert.Equal(txt.Text, md.Text);
        Assert.Equal(txt.ContentHash, md.ContentHash);
    }

    [Fact]
    public void Curly_quotes_dashes_and_tabs_inside_lines_are_kept()
    {
        const string text = "“We will not negotiate,” he said — twice.\n\tIndented line – with an en dash.";
        Assert.Equal(text, _reader.ReadFile(_dir.Write("quotes.txt", text), _options).Text);
    }

    [Fact]
    public void Stdin_is_read_as_text_unless_it_is_recognisably_pdf_or_html()
    {
        var text = _reader.Read(Encoding.UTF8.GetBytes("The MNLA attacked Ménaka on 17 January 2012."), "stdin", _options);
        Assert.Equal("txt", text.Format);
        Assert.Equal("stdin", text.Source);
        Assert.Equal("The MNLA attacked Ménaka on 17 January 2012.", text.Title);

        var html = _reader.Read(Encoding.UTF8.GetBytes("\n<!DOCTYPE html><html><body><p>Kidal fell.</p></body></html>"), "stdin", _options);
        Assert.Equal("html", html.Format);
        Assert.Equal("Kidal fell.", html.Text);

        var pdf = _reader.Read(PdfFixtures.WithText("Timbuktu was retaken on 28 January 2013."), "-", _options);
        Assert.Equal("pdf", pdf.Format);
        Assert.Equal("Timbuktu was retaken on 28 January 2013.", pdf.Text);
    }

    [Theory]
    [InlineData("report.PDF", "pdf")]
    [InlineData("report.Markdown", "md")]
    [InlineData("report.htm", "html")]
    [InlineData("report.text", "txt")]
    public void Extensions_choose_the_reader_case_insensitively(string name, string format)
    {
        var content = format == "pdf" ? PdfFixtures.WithText("Gao") : Encoding.UTF8.GetBytes("<p>Gao</p>");
        Assert.Equal(format, _reader.Read(content, name, _options).Format);
    }

    [Fact]
    public void An_unknown_extension_is_sniffed_for_pdf_and_html()
    {
        var pdf = _reader.ReadFile(_dir.Write("download.bin", PdfFixtures.WithText("Konna, 11 January 2013.")), _options);
        Assert.Equal("pdf", pdf.Format);

        var html = _reader.ReadFile(_dir.Write("page.php", "<html><head><title>Gao</title></head><body><p>MUJAO held Gao.</p></body></html>"), _options);
        Assert.Equal("html", html.Format);
        Assert.Equal("Gao", html.Title);
    }

    [Fact]
    public void Overrides_replace_the_metadata_but_never_the_text_or_id()
    {
        var path = Samples.PathOf("2013-01-operation-serval.md");
        var plain = _reader.ReadFile(path, _options);
        var overridden = _reader.ReadFile(path, new ReadOptions
        {
            Title = "Serval, as we call it",
            Published = PartialDate.OfMonth(2013, 1),
            Url = "https://archive.example.org/serval",
        });

        Assert.Equal("Serval, as we call it", overridden.Title);
        Assert.Equal("2013-01", overridden.Published?.ToIso());
        Assert.Equal("https://archive.example.org/serval", overridden.Url);
        Assert.Equal(plain.Text, overridden.Text);
        Assert.Equal(plain.ContentHash, overridden.ContentHash);
    }

    [Fact]
    public void The_title_falls_back_to_the_first_short_line_then_to_the_file_name()
    {
        var shortLine = _reader.ReadFile(_dir.Write("notes.txt", "Gao, 27 June 2012\n\nMUJAO took the town."), _options);
        Assert.Equal("Gao, 27 June 2012", shortLine.Title);

        var longLine = _reader.ReadFile(_dir.Write("field-notes.txt", string.Join(' ', Enumerable.Repeat("MUJAO took the town.", 20))), _options);
        Assert.Equal("field-notes", longLine.Title);
    }

    [Fact]
    public void Front_matter_dates_may_be_timestamps_and_other_keys_are_ignored()
    {
        var doc = _reader.ReadFile(_dir.Write("wire.md", "---\nlayout: post\ndate: 2013-01-11T18:00:00+01:00\ntags: [Mali]\n---\n# Konna\n\nFrench jets struck."), _options);
        Assert.Equal("2013-01-11", doc.Published?.ToIso());
        Assert.Equal("Konna", doc.Title);
        Assert.Equal("Konna\n\nFrench jets struck.", doc.Text);
    }

    [Fact]
    public void Raw_html_in_markdown_keeps_its_text_and_drops_its_comments_and_scripts()
    {
        var doc = _reader.ReadFile(_dir.Write("mixed.md", "# Gao\n\n<div class=\"note\">MUJAO held <b>Gao</b>.</div>\n\n<!-- editor: check date -->\n\n<script>track()</script>\n\nThe end."), _options);
        Assert.Equal("Gao\n\nMUJAO held Gao.\n\nThe end.", doc.Text);
    }
}
