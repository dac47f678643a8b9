namespace Harmattan.Extraction.Evaluation;

/// <summary>The layers score.py reports, in its order.</summary>
public enum EvaluationLayer
{
    Entities,
    EntitiesTyped,
    Claims,
    Relations,
    Events,
}

/// <summary>Layer names as score.py prints them.</summary>
public static class EvaluationLayers
{
    public static IReadOnlyList<EvaluationLayer> All { get; } =
        [EvaluationLayer.Entities, EvaluationLayer.EntitiesTyped, EvaluationLayer.Claims, EvaluationLayer.Relations, EvaluationLayer.Events];

    public static string Name(this EvaluationLayer layer) => layer switch
    {
        EvaluationLayer.Entities => "entities",
        EvaluationLayer.EntitiesTyped => "entities_typed",
        EvaluationLayer.Claims => "claims",
        EvaluationLayer.Relations => "relations",
        EvaluationLayer.Events => "events",
        _ => throw new ArgumentOutOfRangeException(nameof(layer)),
    };
}

/// <summary>
/// Counts for one layer. The ratios follow score.py's conventions for empty sets: nothing predicted
/// and nothing to find is perfect precision; nothing to find is perfect recall.
/// </summary>
public readonly record struct LayerCounts(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted != 0 ? (double)TruePositives / Predicted : Gold == 0 ? 1.0 : 0.0;

    public double Recall => Gold != 0 ? (double)TruePositives / Gold : 1.0;

    public double F1
    {
        get
        {
            var (p, r) = (Precision, Recall);
            return p + r != 0 ? 2 * p * r / (p + r) : 0.0;
        }
    }

    public static LayerCounts operator +(LayerCounts a, LayerCounts b) =>
        new(a.TruePositives + b.TruePositives, a.Predicted + b.Predicted, a.Gold + b.Gold);

    public static LayerCounts Add(LayerCounts a, LayerCounts b) => a + b;
}

/// <summary>One document's counts per layer, and the misses and false positives that --explain lists.</summary>
public sealed record DocumentScore(
    LayerCounts Entities,
    LayerCounts EntitiesTyped,
    LayerCounts Claims,
    LayerCounts Relations,
    LayerCounts Events,
    IReadOnlyList<string> Notes)
{
    public LayerCounts this[EvaluationLayer layer] => layer switch
    {
        EvaluationLayer.Entities => Entities,
        EvaluationLayer.EntitiesTyped => EntitiesTyped,
        EvaluationLayer.Claims => Claims,
        EvaluationLayer.Relations => Relations,
        EvaluationLayer.Events => Events,
        _ => throw new ArgumentOutOfRangeException(nameof(layer)),
    };
}
