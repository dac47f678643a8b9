using System.CommandLine;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary>What a verb needs from the parsed command line: the store, the data, the pipeline.</summary>
internal static class Workspace
{
    public static KnowledgeStore OpenStore(ParseResult parse) => KnowledgeStore.Open(Location(parse));

    /// <summary>The knowledge base as the user gave it: --db, else HARMATTAN_DB, else harmattan.db here.</summary>
    public static string Location(ParseResult parse) => parse.GetValue(CommonOptions.Database)!;

    public static DataDirectory Data(ParseResult parse) =>
        DataDirectory.Locate(parse.GetValue(CommonOptions.Data));

    public static ExtractionPipeline Pipeline(ParseResult parse) =>
        PipelineFactory.FromData(Data(parse));

    public static DocumentReader Reader() => new();

    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;
}
