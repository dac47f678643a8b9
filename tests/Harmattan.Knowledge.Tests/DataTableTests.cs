namespace Harmattan.Knowledge.Tests;

/// <summary>
/// The one TSV reader of <c>data/</c>, in its two modes: headerless lexicons (what the extraction's
/// lexicon loaders read) and registries with a header. Each problem is HRM0301 at <c>file:line</c>
/// with the same wording the two former readers used.
/// </summary>
public sealed class DataTableTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"harmattan-table-{Guid.NewGuid():N}.tsv");

    public void Dispose() => File.Delete(_path);

    private string Write(string text)
    {
        File.WriteAllText(_path, text);
        return _path;
    }

    private static HarmattanException Fails(Action read)
    {
        var e = Assert.Throws<HarmattanException>(read);
        Assert.Equal(HarmattanError.BadDataFile, e.Error);
        return e;
    }

    [Fact]
    public void A_lexicon_skips_comments_and_blank_lines_and_trims_its_cells()
    {
        var rows = DataTable.Read(Write("# word\tlemma\n\n said \t say\r\n   \n#x\nadded\tadd\n"), 2, 3).ToList();
        Assert.Equal([3, 6], rows.Select(r => r.Line));
        Assert.Equal(["said", "say"], rows[0].Fields);
        Assert.Equal("add", rows[1][1]);
        Assert.Equal(_path, rows[1].File);
        Assert.Equal(_path + ":6", rows[1].Error("bad").Subject);
    }

    [Theory]
    [InlineData("a\tb\tc\n", 2, 2, "expected 2 tab-separated fields, found 3")]
    [InlineData("a\n", 2, 3, "expected 2 to 3 tab-separated fields, found 1")]
    [InlineData("\tb\n", 2, 2, "the first field is empty")]
    public void A_bad_lexicon_row_names_its_line(string text, int min, int max, string detail)
    {
        Write("# header comment\n" + text);
        var e = Fails(() => _ = DataTable.Read(_path, min, max).Count());
        Assert.Equal(_path + ":2", e.Subject);
        Assert.Equal(detail, e.Detail);
    }

    [Fact]
    public void A_set_rejects_a_word_listed_twice_under_its_comparer()
    {
        Assert.Equal(2, DataTable.ReadSet(Write("Gao\ngao\n"), StringComparer.Ordinal).Count);
        var e = Fails(() => DataTable.ReadSet(_path, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(_path + ":2", e.Subject);
        Assert.Equal("'gao' is listed twice", e.Detail);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Fails(() => _ = DataTable.Read(_path, 1, 1).Count());
        Assert.Equal(_path, e.Subject);
        Assert.Equal("the data file is missing", e.Detail);
        Assert.Equal(_path, Fails(() => DataTable.ReadWithHeader(_path)).Subject);
    }

    [Fact]
    public void A_table_reads_its_header_and_keeps_cells_as_written()
    {
        var table = DataTable.ReadWithHeader(Write("# registry\n\nid\tname\tsource\ngao\t Gao \tGeoNames\n"));
        Assert.Equal(3, table.HeaderLine);
        Assert.Equal(["id", "name", "source"], table.Header);
        Assert.Equal(1, table.Column("name"));
        Assert.Equal(-1, table.Column("lat"));
        var row = Assert.Single(table.Rows);
        Assert.Equal(4, row.Line);
        Assert.Equal(" Gao ", row[1]);
    }

    [Fact]
    public void A_table_row_of_the_wrong_width_names_its_line_and_the_columns()
    {
        Write("id\tname\tsource\ngao\tGao\tGeoNames\nkidal\tKidal\n");
        var e = Fails(() => DataTable.ReadWithHeader(_path));
        Assert.Equal(_path + ":3", e.Subject);
        Assert.Equal("expected 3 tab-separated columns (id, name, source), found 2", e.Detail);
    }

    [Fact]
    public void A_table_without_a_header_is_rejected()
    {
        var e = Fails(() => DataTable.ReadWithHeader(Write("# only comments\n\n")));
        Assert.Equal(_path + ":1", e.Subject);
        Assert.Equal("no header line", e.Detail);
    }
}
