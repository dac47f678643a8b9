using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Corpus.Tests;

public sealed class CorpusGeneratorTests
{
    private static readonly Lazy<ExtractionResources> Resources = new(() => ExtractionResources.Load(DataDirectory.Locate(null)));
    private static readonly Lazy<CorpusGenerator> Generator = new(() => CorpusGenerator.Load(Resources.Value.Data, Resources.Value.Registry));

    [Fact]
    public void The_same_seed_and_index_give_the_same_report_and_another_seed_another()
    {
        var fresh = CorpusGenerator.Load(DataDirectory.Locate(null));
        for (var index = 0; index < 20; index++)
        {
            var a = Generator.Value.Generate(7, index);
            var b = fresh.Generate(7, index);
            Assert.Equal(a, b);
            Assert.NotEqual(a.Text, Generator.Value.Generate(8, index).Text);
        }
    }

    [Fact]
    public void Reports_generated_in_parallel_equal_reports_generated_in_order()
    {
        var ordered = Enumerable.Range(0, 64).Select(i => Generator.Value.Generate(3, i).Text).ToArray();
        var parallel = new string[64];
        Parallel.For(0, 64, i => parallel[i] = Generator.Value.Generate(3, i).Text);
        Assert.Equal(ordered, parallel);
    }

    [Fact]
    public void Every_report_holds_between_300_and_1500_words_and_says_how_many()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < 300; index++)
        {
            var report = Generator.Value.Generate(1, index);
            Assert.InRange(report.Words, CorpusGenerator.MinWords, CorpusGenerator.MaxWords);
            Assert.Equal(CorpusGenerator.CountWords(report.Text), report.Words);
            Assert.DoesNotContain("{", report.Text, StringComparison.Ordinal);
            Assert.True(ids.Add(report.Id), report.Id);
        }
    }

    [Fact]
    public void A_corpus_of_N_words_stops_at_the_first_report_that_reaches_N()
    {
        var reports = Generator.Value.Generate(5, 50_000L).ToList();
        var total = reports.Sum(r => (long)r.Words);
        Assert.True(total >= 50_000, $"{total} words");
        Assert.True(total - reports[^1].Words < 50_000, "one report too many");
    }

    [Fact]
    public void Every_generated_report_extracts_with_registry_entities_claims_and_spans_that_match_the_text()
    {
        var pipeline = PipelineFactory.FromResources(Resources.Value);
        foreach (var report in Generator.Value.Generate(11, 60_000L))
        {
            var extraction = pipeline.Extract(report.Id, report.Text, report.Published);
            Assert.Contains(extraction.Entities, e => e.RegistryId is not null);
            Assert.NotEmpty(extraction.Claims);
            foreach (var mention in extraction.Mentions)
            {
                Assert.Equal(mention.Surface, mention.Span.Of(report.Text));
            }
        }
    }

    [Fact]
    public void Reports_quote_local_people_the_registries_do_not_know_a_few_often_and_most_rarely()
    {
        var pipeline = PipelineFactory.FromResources(Resources.Value);
        var reportsNaming = new Dictionary<string, int>(StringComparer.Ordinal);
        var claimsOfLocalPeople = 0;
        for (var index = 0; index < 150; index++)
        {
            var report = Generator.Value.Generate(5, index);
            var extraction = pipeline.Extract(report.Id, report.Text, report.Published);
            var local = extraction.Entities.Where(e => e.Type == EntityType.Person && e.RegistryId is null).ToList();
            foreach (var person in local)
            {
                reportsNaming[person.Name] = reportsNaming.GetValueOrDefault(person.Name) + 1;
            }

            claimsOfLocalPeople += extraction.Claims.Count(c => local.Any(p => p.Id == c.SpeakerId));
        }

        // New names keep arriving, a few come back report after report, and they speak.
        Assert.True(reportsNaming.Count > 60, $"{reportsNaming.Count} local people in 150 reports");
        Assert.True(reportsNaming.Values.Max() >= 5, $"the most named local person is in {reportsNaming.Values.Max()} reports");
        Assert.True(reportsNaming.Values.Count(n => n == 1) > reportsNaming.Count / 2, "most local people are named in one report");
        Assert.True(claimsOfLocalPeople > 50, $"{claimsOfLocalPeople} claims by local people");
    }

    [Fact]
    public void A_template_with_an_unknown_slot_is_HRM0301_naming_the_file_and_line()
    {
        var root = Path.Combine(Path.GetTempPath(), "harmattan-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "corpus"));
            var source = DataDirectory.Locate(null);
            File.Copy(source.Combine("corpus", "fillers.tsv"), Path.Combine(root, "corpus", "fillers.tsv"));
            File.WriteAllText(Path.Combine(root, "corpus", "templates.tsv"),
                "# test\nkind\ttemplate\ntitle\t{group} in {place}\nbody\tThe {weather} in {place} was poor.\nquote\t\"No,\" {person} {say}.\n");
            var error = Assert.Throws<HarmattanException>(() => CorpusGenerator.Load(DataDirectory.Locate(root), Resources.Value.Registry));
            Assert.Equal(HarmattanError.BadDataFile, error.Error);
            Assert.Contains("templates.tsv:4", error.Message, StringComparison.Ordinal);
            Assert.Contains("{weather}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two\twords\n", 2)]
    [InlineData("Gao, 12 March 2014 — three", 6)]
    public void Words_are_runs_of_non_white_space(string text, int words) =>
        Assert.Equal(words, CorpusGenerator.CountWords(text));
}
