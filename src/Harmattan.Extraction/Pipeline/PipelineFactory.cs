using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Mentions;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using YamlDotNet.RepresentationModel;

namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// The vocabulary and registries the components share, loaded once from a data folder and immutable
/// afterwards, so one instance serves every pipeline and every thread.
/// </summary>
public sealed class ExtractionResources
{
    private ExtractionResources(DataDirectory data, Schema schema, ActorRegistry registry, MentionLexicons mentionLexicons)
    {
        Data = data;
        Schema = schema;
        Registry = registry;
        MentionLexicons = mentionLexicons;
    }

    public DataDirectory Data { get; }

    public Schema Schema { get; }

    public ActorRegistry Registry { get; }

    public MentionLexicons MentionLexicons { get; }

    public static ExtractionResources Load(DataDirectory data)
    {
        var schema = Schema.Load(data);
        return new ExtractionResources(data, schema, ActorRegistry.Load(data, schema), MentionLexicons.Load(data));
    }
}

/// <summary>
/// Builds the pipeline a data folder describes (<c>pipelines/NAME.yaml</c>: an ordered list of
/// component names). The names a pipeline may use are the ones in <see cref="Create"/>; an unknown
/// name or a bad order is HRM0302 naming the file.
/// </summary>
public static class PipelineFactory
{
    public static ExtractionPipeline FromData(DataDirectory data, string pipeline = "default") =>
        FromResources(ExtractionResources.Load(data), pipeline);

    public static ExtractionPipeline FromResources(ExtractionResources resources, string pipeline = "default")
    {
        var path = Path.Combine(resources.Data.Root, "pipelines", pipeline + ".yaml");
        var builder = new PipelineBuilder();
        foreach (var name in ComponentNames(path))
        {
            builder.Add(Create(name, resources) ?? throw HarmattanError.BadPipeline.At(path, $"unknown component '{name}'"));
        }

        try
        {
            return builder.Build();
        }
        catch (HarmattanException e) when (e.Error == HarmattanError.BadPipeline)
        {
            throw HarmattanError.BadPipeline.At(path, e.Message, e);
        }
    }

    private static IComponent? Create(string name, ExtractionResources r) => name switch
    {
        "text.tokenizer/1" => new TokenizerComponent(),
        "text.sentences/1" => new SentenceComponent(SentenceComponent.DefaultSplitter(r.Data)),
        "mentions.registry/1" => new RegistryRecognizer(r.Registry, r.MentionLexicons),
        "mentions.proper-name/1" => new ProperNameRecognizer(r.MentionLexicons),
        "mentions.definition/1" => new DefinitionRecognizer(),
        "mentions.merge/1" => new MentionMerger(),
        "entities.linker/1" => new InDocumentLinker(r.Registry),
        "claims.cue-verb/1" => Claims.ClaimExtractor.Load(r.Data, r.MentionLexicons.Roles.Keys),
        _ => null,
    };

    private static List<string> ComponentNames(string path)
    {
        if (!File.Exists(path))
        {
            throw HarmattanError.BadPipeline.At(path, "the pipeline file is missing");
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw HarmattanError.BadPipeline.At($"{path}:{e.Start.Line}", e.Message, e);
        }

        if (yaml.Documents.Count != 1
            || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("components"), out var node)
            || node is not YamlSequenceNode list)
        {
            throw HarmattanError.BadPipeline.At(path, "expected a mapping with a 'components' list");
        }

        return [.. list.Children.Select(c => c is YamlScalarNode { Value: { } v }
            ? v
            : throw HarmattanError.BadPipeline.At($"{path}:{c.Start.Line}", "a component must be a name"))];
    }
}
