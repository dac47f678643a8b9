using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Mentions;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;
using YamlDotNet.RepresentationModel;

namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// The vocabulary and registries the components share, loaded once from a data folder and immutable
/// afterwards, so one instance serves every pipeline and every thread.
/// </summary>
public sealed class ExtractionResources
{
    private ExtractionResources(DataDirectory data, Schema schema, ActorRegistry registry, Gazetteer gazetteer, AbbreviationLexicon abbreviations, MentionLexicons mentionLexicons)
    {
        Gazetteer = gazetteer;
        Abbreviations = abbreviations;
        Data = data;
        Schema = schema;
        Registry = registry;
        MentionLexicons = mentionLexicons;
    }

    public DataDirectory Data { get; }

    public Schema Schema { get; }

    public ActorRegistry Registry { get; }

    public MentionLexicons MentionLexicons { get; }

    public AbbreviationLexicon Abbreviations { get; }

    public Gazetteer Gazetteer { get; }

    public static ExtractionResources Load(DataDirectory data)
    {
        var schema = Schema.Load(data);
        return new ExtractionResources(data, schema, ActorRegistry.Load(data, schema), Gazetteer.Load(data), SentenceComponent.Abbreviations(data), MentionLexicons.Load(data));
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
        "text.tokenizer/1" => new TokenizerComponent(new Tokenizer(r.Abbreviations)),
        "text.sentences/1" => new SentenceComponent(new SentenceSplitter(r.Abbreviations)),
        "mentions.registry/1" => new RegistryRecognizer(r.Registry, r.MentionLexicons),
        "mentions.gazetteer/1" => new GazetteerRecognizer(r.Gazetteer, r.MentionLexicons),
        "mentions.proper-name/1" => new ProperNameRecognizer(r.MentionLexicons, r.Registry.Entries.SelectMany(e => e.Demonyms).ToHashSet(StringComparer.Ordinal)),
        "mentions.definition/1" => new DefinitionRecognizer(),
        "mentions.merge/1" => new MentionMerger(),
        "entities.linker/1" => new InDocumentLinker(r.Registry),
        "dates.recognizer/1" => new Dates.DateRecognizer(Dates.DateLexicon.Load(r.Data), Quantities.QuantityLexicon.Load(r.Data).CountNouns),
        "quantities.recognizer/1" => new Quantities.QuantityRecognizer(Quantities.QuantityLexicon.Load(r.Data)),
        "events.trigger/1" => new Events.EventRecognizer(Events.EventTriggerLexicon.Load(r.Data)),
        "claims.cue-verb/1" => Claims.ClaimExtractor.Load(r.Data, r.MentionLexicons.Roles.Keys),
        "relations.patterns/1" => new Relations.RelationRecognizer(Relations.RelationPatternLexicon.Load(r.Data, r.Schema), Relations.RelationWords.Load(r.Data), r.Schema, r.Registry, r.MentionLexicons.Roles),
        "attributes.cues/1" => new Attributes.AttributeRecognizer(Attributes.AttributeLexicon.Load(r.Data), Relations.RelationWords.Load(r.Data)),
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
