using System.Globalization;
using System.Text.Json;
using Harmattan.Extraction.Evaluation;
using Harmattan.Extraction.Output;

namespace Harmattan.Extraction.Tests.Evaluation;

/// <summary>Our scorer against score.py itself, on the dev gold and on predictions damaged from it.</summary>
public sealed class ScorerEquivalenceTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("harmattan-eval-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Gold_scored_against_itself_is_perfect_on_every_document()
    {
        var gold = GoldSet.Load(EvalPaths.DevDirectory);
        Assert.NotEmpty(gold.Documents);
        foreach (var doc in gold.Documents)
        {
            var score = EvaluationScorer.ScoreDocument(doc.Gold, doc.Gold);
            foreach (var layer in EvaluationLayers.All)
            {
                Assert.True(score[layer].F1 == 1.0, $"{doc.Name} {layer.Name()}: {score[layer]}");
                Assert.Equal(score[layer].Gold, score[layer].TruePositives);
            }

            Assert.Empty(score.Notes);
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public async Task Damaged_predictions_score_as_score_py_scores_them(int seed, bool leaveOneOut)
    {
        var gold = GoldSet.Load(EvalPaths.DevDirectory);
        var perturbation = new Perturbation(seed);
        foreach (var doc in gold.Documents.Skip(leaveOneOut ? 1 : 0))
        {
            ContractFiles.Write(Path.Combine(_temp, doc.Name + ".json"), perturbation.Apply(doc.Gold));
        }

        var report = EvaluationReport.ScorePredictionFolder(gold, _temp);
        string[] common = [EvalPaths.ScoreScript, "--gold", EvalPaths.DevDirectory, "--pred", _temp];
        var json = await EvalPaths.RunPythonAsync([.. common, "--json"]);
        var explained = await EvalPaths.RunPythonAsync([.. common, "--explain"]);

        // --json: the figures, and the text itself.
        using var expected = JsonDocument.Parse(json);
        var layers = expected.RootElement.GetProperty("layers");
        foreach (var layer in EvaluationLayers.All)
        {
            var figures = layers.GetProperty(layer.Name());
            Assert.Equal(figures.GetProperty("precision").GetDouble(), report.Precision(layer), 1e-9);
            Assert.Equal(figures.GetProperty("recall").GetDouble(), report.Recall(layer), 1e-9);
            Assert.Equal(figures.GetProperty("f1").GetDouble(), report.F1(layer), 1e-9);
        }

        Assert.Equal(json.TrimEnd('\n'), report.ToJson());

        // --explain prints the notes, then the table with tp/pred/gold.
        var tableStart = explained.IndexOf(
            string.Create(CultureInfo.InvariantCulture, $"{gold.Documents.Count} documents\n"), StringComparison.Ordinal);
        Assert.True(tableStart >= 0, explained);
        var notes = new StringWriter { NewLine = "\n" };
        report.WriteExplain(notes);
        Assert.Equal(explained[..tableStart].Split('\n'), notes.ToString().Split('\n'));
        var table = new StringWriter { NewLine = "\n" };
        report.WriteTable(table);
        Assert.Equal(explained[tableStart..], table.ToString());
        foreach (var kind in new[] { "entity missed", "entity spurious", "entity mistyped", "claim missed", "claim spurious",
                     "relation missed", "relation spurious", "event missed", "event spurious" })
        {
            Assert.Contains("  " + kind + ": ", explained, StringComparison.Ordinal);
        }

        Assert.Equal(leaveOneOut, report.Problems.Count > 0);
    }

    [Fact]
    public async Task Names_tokens_and_figures_are_python_s()
    {
        string[] samples =
        [
            "Al-Qaeda in the Islamic Maghreb", "the MNLA", "The  Tuareg\u00a0people ", "Ansar al-Din", "Mouvement pour l’unicité",
            "Ségou – Mopti", "Iyad ag Ghaly's", "ΟΔΟΣ ΣΑΣ", "Σ", "ὈΔΥΣΣΕΎΣ", "ﬁfteen ½ ⅷ", "Ｍａｌｉ", "İstanbul ı", "Straße",
            "𝐌𝐍𝐋𝐀 𝚺𝚺", "한국어", "مالي الجزائر", "हिन्दी", "a_b/c-d`e", "Ω℃ ㎏", "\u0085x\u001cy\u2028z", "x\u0301\u0334y",
            "under_score", "AΣ.", "ΑΣ'Σ", "", "   ", "the", "the the",
        ];
        var script = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            import score
            samples = json.load(sys.stdin)
            ratios = [0.0625, 0.3125, 0.5625, 0.0005, 0.9995, 2/3, 1/16, 0.1235, 1.0, 0.0]
            print(json.dumps({
                "names": [score.norm_name(s) for s in samples],
                "tokens": [score.tokens(s) for s in samples],
                "lower": [s.lower() for s in samples],
                "f1": [score.token_f1(a, b) for a in samples for b in samples],
                "fixed": [f"{x:6.3f}" for x in ratios],
                "repr": [repr(x) for x in ratios + [1e-05, 0.00012]],
            }))
            """;
        var output = await EvalPaths.RunPythonAsync(["-c", script, EvalPaths.EvalDirectory], JsonSerializer.Serialize(samples));
        using var python = JsonDocument.Parse(output);
        var root = python.RootElement;

        Assert.Equal(root.GetProperty("names").EnumerateArray().Select(x => x.GetString()), samples.Select(EvaluationScorer.NormalizeName));
        Assert.Equal(
            root.GetProperty("tokens").EnumerateArray().Select(t => string.Join('|', t.EnumerateArray().Select(x => x.GetString()))),
            samples.Select(s => string.Join('|', EvaluationScorer.Tokens(s))));
        Assert.Equal(root.GetProperty("lower").EnumerateArray().Select(x => x.GetString()), samples.Select(PythonUnicode.Lower));
        Assert.Equal(
            root.GetProperty("f1").EnumerateArray().Select(x => x.GetDouble()),
            samples.SelectMany(a => samples.Select(b => EvaluationScorer.TokenF1(a, b))));

        double[] ratios = [0.0625, 0.3125, 0.5625, 0.0005, 0.9995, 2.0 / 3, 1.0 / 16, 0.1235, 1.0, 0.0];
        Assert.Equal(root.GetProperty("fixed").EnumerateArray().Select(x => x.GetString()), ratios.Select(x => PythonFormat.Fixed(x, 3).PadLeft(6)));
        Assert.Equal(root.GetProperty("repr").EnumerateArray().Select(x => x.GetString()), ratios.Append(1e-05).Append(0.00012).Select(PythonFormat.Repr));
    }

    [Theory]
    [InlineData("2012", "2012-03-22", true)]
    [InlineData("2012-03", "2012-03-22", true)]
    [InlineData("2012-03", "2012-04", false)]
    [InlineData("2012-0", "2012-03", false)]
    [InlineData("2012", "20123", false)]
    [InlineData("1992/1994", "1992/1994", true)]
    [InlineData("1992/1994", "1992", false)]
    [InlineData(" 2012 ", "2012", true)]
    [InlineData("", "", false)]
    [InlineData(null, "2012", false)]
    public void Dates_match_at_the_gold_precision(string? gold, string? pred, bool expected) =>
        Assert.Equal(expected, EvaluationScorer.DateMatches(gold, pred));

    [Fact]
    public void Parsing_is_as_tolerant_as_score_py()
    {
        using var json = JsonDocument.Parse("""
            {"entities": [{"id": "E1", "name": "Mali", "aliases": ["Republic of Mali", 3, null]}, 7, "x"],
             "claims": {"speaker": "E1"}, "events": [{"date": 2012, "places": "E1"}]}
            """);
        var problems = new List<string>();
        var doc = GuidelinesDocument.Parse(json.RootElement, "p.json", problems);
        Assert.Equal(new GuidelinesEntity("E1", "Mali", null, ["Republic of Mali", "3"]), Assert.Single(doc.Entities));
        Assert.Empty(doc.Claims);
        Assert.Empty(doc.Relations);
        Assert.Equal(new GuidelinesEvent(null, "2012", [], []), Assert.Single(doc.Events));
        Assert.Equal(["p.json: 'claims' is not a list"], problems);
    }
}
