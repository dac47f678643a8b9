using System.CommandLine;
using System.Data.Common;
using Harmattan.Cli.Commands;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli;

/// <summary>
/// The command tree and the one place that turns failures into messages and exit codes:
/// 0 all good, 1 some inputs failed, 2 the command could not run (usage error, unusable database,
/// unknown document). Every catalogued error prints as <c>[HRMnnnn] subject: what is wrong</c>.
/// </summary>
internal static class HarmattanCli
{
    public const int Ok = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, CliEnvironment env)
    {
        var root = Build(env);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                env.Error.WriteLine($"harmattan: {error.Message}");
            }

            env.Error.WriteLine("Run 'harmattan --help' for usage.");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = env.Output, Error = env.Error, EnableDefaultExceptionHandler = false });
        }
        catch (HarmattanException e)
        {
            env.Error.WriteLine($"harmattan: {e.Message}");
            return UsageError;
        }
        catch (DbException e)
        {
            // The database refused or failed a statement the store did not expect to fail: a full disk, a lock held
            // past the busy timeout, an I/O error, a server gone. Every write is one transaction, so it is undone.
            env.Error.WriteLine($"harmattan: {HarmattanError.DatabaseFailed.At(DatabasesOf(parse), e.Message, e).Message}");
            return UsageError;
        }
    }

    /// <summary>
    /// The knowledge bases the command works on, as messages name them (never a password): migrate's --from and
    /// --to, a benchmark's --target, else --db.
    /// </summary>
    private static string DatabasesOf(ParseResult parse)
    {
        var own = parse.CommandResult.Command.Options
            .Where(o => o.Name is "--from" or "--to" or "--target")
            .Select(o => parse.GetResult(o)?.Implicit == false ? parse.GetValue<string?>(o.Name) : null)
            .OfType<string>()
            .Select(KnowledgeStore.DisplayLocation)
            .ToList();
        return own.Count > 0 ? string.Join(" → ", own) : KnowledgeStore.DisplayLocation(Workspace.Location(parse));
    }

    public static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand(
            "Harmattan turns conflict reports into a sourced knowledge base: actors, claims, relations, events.")
        {
            CommonOptions.Database,
            CommonOptions.Data,
        };
        root.Subcommands.Add(InitCommand.Create(env));
        root.Subcommands.Add(IngestCommand.Create(env));
        root.Subcommands.Add(DocsCommand.Create(env));
        root.Subcommands.Add(ShowCommand.Create(env));
        root.Subcommands.Add(SearchCommand.Create(env));
        root.Subcommands.Add(StatsCommand.Create(env));
        root.Subcommands.Add(ExtractCommand.Create(env));
        root.Subcommands.Add(EvaluateCommand.Create(env));
        root.Subcommands.Add(DemoCommand.Create(env));
        root.Subcommands.Add(ActorCommand.Create(env));
        root.Subcommands.Add(NetworkCommand.Create(env));
        root.Subcommands.Add(TimelineCommand.Create(env));
        root.Subcommands.Add(ClaimsCommand.Create(env));
        root.Subcommands.Add(PlacesCommand.Create(env));
        root.Subcommands.Add(DisputesCommand.Create(env));
        root.Subcommands.Add(MergeCommand.Create(env));
        root.Subcommands.Add(SplitCommand.Create(env));
        root.Subcommands.Add(EntityLogCommand.Create(env));
        root.Subcommands.Add(ResolutionsCommand.Create(env));
        root.Subcommands.Add(ReviewCommand.Create(env));
        root.Subcommands.Add(ReextractCommand.Create(env));
        root.Subcommands.Add(DeleteCommand.Create(env));
        root.Subcommands.Add(CheckCommand.Create(env));
        root.Subcommands.Add(BenchCommand.Create(env));
        root.Subcommands.Add(ServeCommand.Create(env));
        root.Subcommands.Add(ExportCommand.Create(env));
        root.Subcommands.Add(BriefCommand.Create(env));
        root.Subcommands.Add(ImportCommand.Create(env));
        root.Subcommands.Add(MigrateCommand.Create(env));
        root.Subcommands.Add(UsersCommand.Create(env));
        root.Subcommands.Add(TokensCommand.Create(env));
        root.Subcommands.Add(AuditCommand.Create(env));
        return root;
    }
}
