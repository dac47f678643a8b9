using System.CommandLine;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary>What a verb needs from the parsed command line: the store, the data, the pipeline.</summary>
internal static class Workspace
{
    /// <summary>
    /// Opens the knowledge base the command names, saying on standard error when it is migrated first (a migration
    /// that rewrites tables takes minutes on a large knowledge base, and nothing else is printed meanwhile).
    /// </summary>
    public static KnowledgeStore OpenStore(ParseResult parse, CliEnvironment env) =>
        KnowledgeStore.Open(Location(parse), migrating: m => Migrating(m, env));

    /// <summary>The line that says a knowledge base is being migrated.</summary>
    public static void Migrating(SchemaMigration migration, CliEnvironment env) =>
        env.Error.WriteLine(
            $"harmattan: migrating {migration.Location} from schema version {migration.From} to {migration.To}; on a large "
            + "knowledge base this takes minutes, and stopping it leaves the knowledge base as it was");

    /// <summary>The knowledge base as the user gave it: --db, else HARMATTAN_DB, else harmattan.db here.</summary>
    public static string Location(ParseResult parse) => parse.GetValue(CommonOptions.Database)!;

    public static DataDirectory Data(ParseResult parse) =>
        DataDirectory.Locate(parse.GetValue(CommonOptions.Data));

    public static ExtractionPipeline Pipeline(ParseResult parse) =>
        PipelineFactory.FromData(Data(parse));

    public static DocumentReader Reader() => new();

    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;
}
