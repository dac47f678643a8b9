using System.Globalization;
using System.Text;
using System.Text.Json;
using Harmattan.Extraction.Output;

namespace Harmattan.Extraction.Evaluation;

/// <summary>
/// Scores accumulated over documents and micro-averaged, printed the way score.py prints them: the
/// table, the --explain blocks and the --json totals are the same text.
/// </summary>
public sealed class EvaluationReport
{
    private readonly List<(string Name, DocumentScore Score)> _documents = [];
    private readonly List<string> _problems = [];

    public IReadOnlyList<(string Name, DocumentScore Score)> Documents => _documents;

    /// <summary>What score.py would warn about: unreadable predictions, missing prediction files.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static IReadOnlyList<EvaluationLayer> Layers => EvaluationLayers.All;

    /// <summary>
    /// score.py --gold GOLD --pred <paramref name="predictionDirectory"/>: reads NN.json for each gold
    /// document; a missing or unreadable file is recorded in <see cref="Problems"/> and scored as empty.
    /// </summary>
    public static EvaluationReport ScorePredictionFolder(GoldSet gold, string predictionDirectory)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var report = new EvaluationReport();
        foreach (var doc in gold.Documents)
        {
            var path = Path.Combine(predictionDirectory, doc.Name + ".json");
            var pred = ReadPrediction(path, report._problems);
            if (pred is null)
            {
                report.AddProblem($"{doc.Name}: no prediction file {doc.Name}.json");
            }

            report.Add(doc.Name, EvaluationScorer.ScoreDocument(doc.Gold, pred ?? GuidelinesDocument.Empty));
        }

        return report;
    }

    public void Add(string document, DocumentScore score) => _documents.Add((document, score));

    public void AddProblem(string problem) => _problems.Add(problem);

    public LayerCounts Total(EvaluationLayer layer) =>
        _documents.Aggregate(default(LayerCounts), (sum, d) => sum + d.Score[layer]);

    public double Precision(EvaluationLayer layer) => Total(layer).Precision;

    public double Recall(EvaluationLayer layer) => Total(layer).Recall;

    public double F1(EvaluationLayer layer) => Total(layer).F1;

    /// <summary>The table score.py prints, line for line.</summary>
    public void WriteTable(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{_documents.Count} documents\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"layer",-16} {"P",6} {"R",6} {"F1",6}   tp/pred/gold\n");
        foreach (var layer in Layers)
        {
            var t = Total(layer);
            sb.Append(CultureInfo.InvariantCulture,
                $"{layer.Name(),-16} {Ratio(t.Precision)} {Ratio(t.Recall)} {Ratio(t.F1)}   {t.TruePositives}/{t.Predicted}/{t.Gold}\n");
        }

        writer.Write(sb.ToString());
    }

    /// <summary>score.py --explain: a <c># NN</c> block of notes for each document that has any.</summary>
    public void WriteExplain(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (name, score) in _documents.Where(d => d.Score.Notes.Count > 0))
        {
            writer.Write($"# {name}\n");
            writer.Write(string.Join('\n', score.Notes) + "\n");
        }
    }

    /// <summary>score.py --json, without the final newline: the same text, json.dumps(indent=2).</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\n  \"documents\": {_documents.Count},\n  \"layers\": {{\n");
        for (var i = 0; i < Layers.Count; i++)
        {
            var t = Total(Layers[i]);
            sb.Append(CultureInfo.InvariantCulture, $"    \"{Layers[i].Name()}\": {{\n")
                .Append(CultureInfo.InvariantCulture, $"      \"precision\": {PythonFormat.Repr(t.Precision)},\n")
                .Append(CultureInfo.InvariantCulture, $"      \"recall\": {PythonFormat.Repr(t.Recall)},\n")
                .Append(CultureInfo.InvariantCulture, $"      \"f1\": {PythonFormat.Repr(t.F1)}\n")
                .Append(i + 1 < Layers.Count ? "    },\n" : "    }\n");
        }

        sb.Append("  },\n  \"problems\": ");
        sb.Append(_problems.Count == 0
            ? "[]"
            : "[\n" + string.Join(",\n", _problems.Select(p => "    " + PythonFormat.JsonString(p))) + "\n  ]");
        return sb.Append("\n}").ToString();
    }

    /// <summary>
    /// score.py's <c>load</c> for a prediction: null when the file does not exist; an empty document,
    /// with a problem recorded, when it is not JSON or not an object.
    /// </summary>
    public static GuidelinesDocument? ReadPrediction(string path, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            return GuidelinesDocument.Parse(json.RootElement, path, problems);
        }
        catch (JsonException e)
        {
            problems.Add($"{path}: not valid JSON ({e.Message})");
            return GuidelinesDocument.Empty;
        }
    }

    private static string Ratio(double x) => PythonFormat.Fixed(x, 3).PadLeft(6);
}
