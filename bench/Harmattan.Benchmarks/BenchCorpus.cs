using Harmattan.Corpus;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Benchmarks;

/// <summary>
/// The data, the pipeline and a generated corpus shared by every benchmark: built once per process,
/// the same reports every run (seed 1).
/// </summary>
public static class BenchCorpus
{
    /// <summary>Words in the corpus; one benchmark operation is one pass over all of it.</summary>
    public const long TargetWords = 100_000;

    private static readonly Lazy<(ExtractionResources Resources, ExtractionPipeline Pipeline, GeneratedReport[] Reports)> Loaded = new(() =>
    {
        var data = DataDirectory.Locate(null);
        var resources = ExtractionResources.Load(data);
        var pipeline = PipelineFactory.FromResources(resources);
        var reports = CorpusGenerator.Load(data, resources.Registry).Generate(1, TargetWords).ToArray();
        return (resources, pipeline, reports);
    });

    public static ExtractionResources Resources => Loaded.Value.Resources;

    public static ExtractionPipeline Pipeline => Loaded.Value.Pipeline;

    public static GeneratedReport[] Reports => Loaded.Value.Reports;

    public static long Words => Reports.Sum(r => (long)r.Words);

    /// <summary>Fresh documents with the layers of the first <paramref name="components"/> components.</summary>
    public static AnalyzedDocument[] Prepared(int components)
    {
        var documents = new AnalyzedDocument[Reports.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            var r = Reports[i];
            var document = new AnalyzedDocument(r.Id, r.Text, r.Published);
            for (var k = 0; k < components; k++)
            {
                Pipeline.Components[k].Process(document);
            }

            documents[i] = document;
        }

        return documents;
    }
}
