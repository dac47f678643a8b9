using System.Diagnostics;
using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Documents.Tests;

/// <summary>Every class of bad input fails with its catalogued code, naming the file.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly DocumentReader _reader = new();

    public void Dispose() => _dir.Dispose();

    private HarmattanException Fails(string path, HarmattanError expected, ReadOptions? options = null)
    {
        var e = Assert.Throws<HarmattanException>(() => _reader.ReadFile(path, options ?? new ReadOptions()));
        Assert.Equal(expected, e.Error);
        Assert.Equal(path, e.Subject);
        Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"[{expected.Code}] ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("empty.md")]
    [InlineData("empty.html")]
    [InlineData("empty.pdf")]
    public void An_empty_file_is_HRM0101(string name) =>
        Fails(_dir.Write(name, []), HarmattanError.EmptyFile);

    [Theory]
    [InlineData("blank.txt", " \n\t\r\n  \n")]
    [InlineData("blank.md", "\uFEFF   \n\n   ")]
    [InlineData("blank.html", "\n   \n")]
    public void A_whitespace_only_file_is_HRM0101(string name, string content) =>
        Fails(_dir.Write(name, content), HarmattanError.EmptyFile);

    [Fact]
    public void A_binary_file_is_HRM0103()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        Fails(_dir.Write("photo.txt", bytes), HarmattanError.BinaryFile);
    }

    [Fact]
    public void Control_bytes_without_NUL_are_also_binary()
    {
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        Fails(_dir.Write("dump.txt", bytes), HarmattanError.BinaryFile);
    }

    [Fact]
    public void Invalid_utf8_is_HRM0102_with_the_offset_of_the_first_bad_byte()
    {
        // "Gao, " then Latin-1 "é" (0xE9) as a real Windows-1252 file would have it.
        var bytes = Encoding.UTF8.GetBytes("Gao, ").Concat(new byte[] { 0xE9, (byte)'t', (byte)'\n' }).ToArray();
        var e = Fails(_dir.Write("latin1.txt", bytes), HarmattanError.NotUtf8);
        Assert.Contains("byte offset 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_utf8_sequence_at_the_end_is_HRM0102()
    {
        var bytes = Encoding.UTF8.GetBytes("Goïta").SkipLast(1).Concat(new byte[] { 0xC3 }).ToArray();
        Fails(_dir.Write("cut.md", bytes), HarmattanError.NotUtf8);
    }

    [Fact]
    public void A_file_over_the_limit_is_HRM0104_with_size_and_limit()
    {
        var path = _dir.Write("long.txt", new string('a', 1000));
        var e = Fails(path, HarmattanError.TooLarge, new ReadOptions { MaxBytes = 100 });
        Assert.Contains("1000 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 100 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_in_memory_over_the_limit_is_HRM0104()
    {
        var e = Assert.Throws<HarmattanException>(() => _reader.Read(new byte[101], "stdin", new ReadOptions { MaxBytes = 100 }));
        Assert.Equal(HarmattanError.TooLarge, e.Error);
        Assert.Equal("stdin", e.Subject);
    }

    [Fact]
    public void An_unknown_extension_with_text_content_is_HRM0105() =>
        Fails(_dir.Write("report.docx", "The MNLA attacked Ménaka."), HarmattanError.UnsupportedFormat);

    [Fact]
    public void A_missing_path_is_HRM0106() =>
        Fails(Path.Combine(_dir.Path, "no-such-report.txt"), HarmattanError.Unreadable);

    [Fact]
    public void A_directory_is_HRM0106()
    {
        var path = Path.Combine(_dir.Path, "reports.txt");
        Directory.CreateDirectory(path);
        var e = Fails(path, HarmattanError.Unreadable);
        Assert.Contains("directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_without_readable_text_is_HRM0107() =>
        Fails(
            _dir.Write("chrome.html", "<!doctype html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav><script>track()</script><footer>© 2024</footer></body></html>"),
            HarmattanError.NoReadableText);

    [Fact]
    public void Markdown_with_only_front_matter_is_HRM0107() =>
        Fails(_dir.Write("meta.md", "---\ntitle: Nothing\n---\n\n<!-- draft -->\n"), HarmattanError.NoReadableText);

    [Fact]
    public void A_hostile_html_page_is_read_fast_and_its_text_stays_clean()
    {
        var script = new StringBuilder("<script>var payload = \"");
        script.Append('x', 15 * 1024 * 1024).Append("\";</script>");
        var dataUri = "data:image/png;base64," + new string('A', 4 * 1024 * 1024);
        var html = $"<!doctype html><html><head>{script}<meta property=\"og:url\" content=\"{dataUri}\"></head><body>"
            + $"<article><p>MUJAO took Gao on 27 June 2012.</p><img src=\"{dataUri}\" alt=\"map\"><a href=\"{dataUri}\">the map</a>"
            + $"<p style=\"background:url({dataUri})\">Ansar Dine held Timbuktu.</p></article></body></html>";
        var path = _dir.Write("hostile.html", html);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var doc = _reader.ReadFile(path, new ReadOptions { MaxBytes = 64L * 1024 * 1024 });
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        // Inline content after a closed paragraph starts a new block, as a browser lays it out.
        Assert.Equal("MUJAO took Gao on 27 June 2012.\n\nthe map\n\nAnsar Dine held Timbuktu.", doc.Text);
        Assert.Null(doc.Url);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        // About 31 MB of input: parsing costs a small multiple of it, never a blow-up.
        Assert.True(allocated < 1_000_000_000, $"allocated {allocated / 1_000_000} MB");
    }

    [Fact]
    public void Deeply_nested_html_does_not_overflow_the_stack()
    {
        // AngleSharp's tree builder is quadratic in nesting depth (20,000 levels take 16 s to parse), so the
        // test stays at a depth it parses quickly; the walk itself is iterative and has no depth limit.
        const int depth = 5_000;
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat("<div><span>", depth)) + "Kidal"
            + string.Concat(Enumerable.Repeat("</span></div>", depth)) + "</article></body></html>";
        Assert.Equal("Kidal", _reader.ReadFile(_dir.Write("nested.html", html), new ReadOptions()).Text);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_HRM0108() =>
        Fails(_dir.Write("fake.pdf", "This is a text file with the wrong extension."), HarmattanError.CorruptPdf);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.995)]
    public void A_truncated_pdf_is_HRM0108(double share)
    {
        var bytes = File.ReadAllBytes(Samples.PathOf("2015-06-algiers-accord.pdf"));
        Fails(_dir.Write("truncated.pdf", bytes[..(int)(bytes.Length * share)]), HarmattanError.CorruptPdf);
    }

    [Fact]
    public void An_encrypted_pdf_is_HRM0109() =>
        Fails(_dir.Write("locked.pdf", PdfFixtures.Encrypted()), HarmattanError.EncryptedPdf);

    [Fact]
    public void A_pdf_without_a_text_layer_is_HRM0110() =>
        Fails(_dir.Write("scan.pdf", PdfFixtures.WithoutText()), HarmattanError.PdfWithoutText);

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nText.\n", "not valid YAML")]
    [InlineData("---\ntitle: Gao\ndate: 27 June 2012\n---\nText.\n", "'27 June 2012' is not an ISO date")]
    [InlineData("---\n- a\n- b\n---\nText.\n", "must be a mapping")]
    [InlineData("---\ntitle:\n  - a\n---\nText.\n", "'title' must have a single value")]
    [InlineData("---\nurl: not a url\n---\nText.\n", "not an absolute http(s) URL")]
    [InlineData("---\ntitle: Gao\n\nThe text never closes the front matter.\n", "never closed")]
    public void Bad_front_matter_is_HRM0111_naming_the_problem(string markdown, string problem)
    {
        var e = Fails(_dir.Write("front.md", markdown), HarmattanError.BadMetadata);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
