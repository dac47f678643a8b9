using System.Text;
using Harmattan.Corpus;
using Harmattan.Documents;
using Harmattan.Ingest;

namespace Harmattan.Cli.Commands;

/// <summary>What the knowledge-base benchmarks (<c>bench store</c>, <c>bench serve</c>) share.</summary>
internal static class BenchCorpus
{
    /// <summary>
    /// Generated reports 0 .. count-1 of a seed as ingest inputs, made as they are read (the corpus is never
    /// held), each with its own publication date as a wire's metadata would give it.
    /// </summary>
    public static IEnumerable<IngestInput> Inputs(CorpusGenerator generator, int seed, int count, Action<GeneratedReport>? seen = null) =>
        Enumerable.Range(0, count).Select(index =>
        {
            var report = generator.Generate(seed, index);
            seen?.Invoke(report);
            return IngestInput.Bytes(report.Id + ".txt", Encoding.UTF8.GetBytes(report.Text), new ReadOptions { Published = report.Published });
        });

    /// <summary>Nearest-rank percentile <paramref name="p"/> (0–1) of values sorted ascending.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
