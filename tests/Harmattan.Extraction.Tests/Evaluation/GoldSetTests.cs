using Harmattan.Extraction.Evaluation;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Tests.Evaluation;

public sealed class GoldSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harmattan-gold-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_dev_set_loads_in_name_order_with_text_and_metadata()
    {
        var gold = GoldSet.Load(EvalPaths.DevDirectory);

        Assert.Equal(gold.Documents.Select(d => d.Name).Order(StringComparer.Ordinal), gold.Documents.Select(d => d.Name));
        Assert.All(gold.Documents, d => Assert.False(string.IsNullOrEmpty(d.Text)));
        Assert.All(gold.Documents, d => Assert.NotNull(d.Metadata?.Url));
        Assert.Equal(["01"], gold.Only([" 01", ""]).Documents.Select(d => d.Name));
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("\"2012-03-22T10:00:00Z\"", "2012-03-22")]
    [InlineData("\"2013\"", "2013")]
    public void Published_is_null_or_the_date_its_first_ten_characters_give(string json, string? expected)
    {
        Write("01", "{\"entities\": []}", $$"""{"url": "https://example.org/a", "title": "A", "genre": "news", "published": {{json}}}""");

        var meta = Assert.Single(GoldSet.Load(_dir).Documents).Metadata!;
        Assert.Equal(expected, meta.Published?.ToIso());
        Assert.Equal("A", meta.Title);
    }

    [Theory]
    [InlineData("{\"entities\": [", null, "01.gold.json")]
    [InlineData("[]", null, "01.gold.json")]
    [InlineData("{\"claims\": 3}", null, "01.gold.json")]
    [InlineData("{}", "{\"published\": \"soon\"}", "01.meta.json")]
    [InlineData("{}", "{\"title\": 3}", "01.meta.json")]
    public void A_broken_file_is_a_bad_data_file_named_in_the_error(string gold, string? meta, string culprit)
    {
        Write("01", gold, meta);

        var e = Assert.Throws<HarmattanException>(() => GoldSet.Load(_dir));
        Assert.Equal(HarmattanError.BadDataFile, e.Error);
        Assert.EndsWith(culprit, e.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_text_or_folder_is_an_error()
    {
        File.WriteAllText(Path.Combine(_dir, "01.gold.json"), "{}");
        Assert.Equal(HarmattanError.BadDataFile, Assert.Throws<HarmattanException>(() => GoldSet.Load(_dir)).Error);
        Assert.Equal(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => GoldSet.Load(Path.Combine(_dir, "nope"))).Error);
        File.Delete(Path.Combine(_dir, "01.gold.json"));
        Assert.Equal(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => GoldSet.Load(_dir)).Error);
    }

    private void Write(string name, string gold, string? meta)
    {
        File.WriteAllText(Path.Combine(_dir, name + ".gold.json"), gold);
        File.WriteAllText(Path.Combine(_dir, name + ".txt"), "Some text.");
        if (meta is not null)
        {
            File.WriteAllText(Path.Combine(_dir, name + ".meta.json"), meta);
        }
    }
}
