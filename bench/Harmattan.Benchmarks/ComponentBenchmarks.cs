using BenchmarkDotNet.Attributes;
using Harmattan.Extraction.Output;
using Harmattan.Extraction.Pipeline;

namespace Harmattan.Benchmarks;

/// <summary>
/// Each component of the default pipeline alone over the corpus: every iteration gets fresh
/// documents holding the layers of the components before it (prepared outside the timing), because
/// components add to their document and cannot run twice on one.
/// </summary>
public class ComponentBenchmarks
{
    private AnalyzedDocument[] _documents = [];
    private IComponent _component = null!;

    public static IEnumerable<string> ComponentNames() => BenchCorpus.Pipeline.Components.Select(c => c.Name);

    [ParamsSource(nameof(ComponentNames))]
    public string Component { get; set; } = "";

    [IterationSetup]
    public void Prepare()
    {
        var components = BenchCorpus.Pipeline.Components;
        var index = components.ToList().FindIndex(c => c.Name == Component);
        _component = components[index];
        _documents = BenchCorpus.Prepared(index);
    }

    [Benchmark]
    public int Run()
    {
        foreach (var document in _documents)
        {
            _component.Process(document);
        }

        return _documents.Length;
    }
}

/// <summary>The whole pipeline, then the assembly of records with ids and evidence, over the corpus.</summary>
public class PipelineBenchmarks
{
    private AnalyzedDocument[] _analysed = [];

    [GlobalSetup]
    public void Load() => _ = BenchCorpus.Reports;

    [Benchmark(Description = "whole pipeline (extract)")]
    public int Extract()
    {
        var entities = 0;
        foreach (var r in BenchCorpus.Reports)
        {
            entities += BenchCorpus.Pipeline.Extract(r.Id, r.Text, r.Published).Entities.Count;
        }

        return entities;
    }

    [IterationSetup(Target = nameof(Assemble))]
    public void Analyse() => _analysed = BenchCorpus.Prepared(BenchCorpus.Pipeline.Components.Count);

    [Benchmark(Description = "output.assemble")]
    public int Assemble()
    {
        var entities = 0;
        foreach (var document in _analysed)
        {
            entities += ExtractionAssembler.Assemble(document).Entities.Count;
        }

        return entities;
    }
}
