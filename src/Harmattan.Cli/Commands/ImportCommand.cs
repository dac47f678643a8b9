using System.CommandLine;
using Harmattan.Exchange;
using Harmattan.Exchange.Import;
using Harmattan.Knowledge;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>import</c>: ACLED or UCDP GED CSV files and STIX 2.1 bundles into the knowledge base. A malformed
/// record is reported with its line (or STIX id) and skipped, the rest imported; the exit code is then 1.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var files = new Argument<string[]>("FILE") { Description = "ACLED or UCDP CSV files, STIX 2.1 bundles (JSON).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format", "-f") { Description = "acled, ucdp or stix; by default from the file (JSON is STIX, a CSV by its header).", HelpName = "FORMAT" };
        var command = new Command("import", "Import ACLED or UCDP GED events and STIX 2.1 bundles; each record becomes a sourced document, re-importing changes nothing, a newer export updates changed rows.")
        {
            files, format,
        };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(format);
            if (chosen is not null && !Importer.Formats.Contains(chosen.Trim().ToLowerInvariant()))
            {
                throw HarmattanError.BadArgument.At("--format", $"'{chosen}' is not an import format; one of {string.Join(", ", Importer.Formats)}");
            }

            var importer = new Importer(ExchangeContext.Load(Workspace.Data(parse)));
            using var store = Workspace.OpenStore(parse, env);
            var failed = false;
            foreach (var path in parse.GetValue(files)!)
            {
                ImportResult result;
                try
                {
                    result = importer.Import(store, path, chosen, EntityChangeOutput.DefaultAnalyst());
                }
                catch (HarmattanException e) when (e.Error == HarmattanError.BadImportFile || e.Error == HarmattanError.Unreadable)
                {
                    env.Error.WriteLine($"harmattan: {e.Message}");
                    failed = true;
                    continue;
                }

                foreach (var problem in result.Malformed)
                {
                    env.Error.WriteLine($"harmattan: [{HarmattanError.BadImportRecord.Code}] {problem.Where(path)}: {problem.Message}; skipped");
                }

                foreach (var reason in result.Ignored.GroupBy(i => i.Message).OrderByDescending(g => g.Count()))
                {
                    env.Output.WriteLine($"ignored    {QueryOptions.Count(reason.Count(), "object")}: {reason.Key}");
                }

                env.Output.WriteLine(
                    $"{path} ({result.Format}): {result.Added} added, {result.Unchanged} unchanged, {result.Replaced} replaced, "
                    + $"{result.Malformed.Count} malformed, {result.Ignored.Count} ignored");
                failed |= result.Malformed.Count > 0;
            }

            return failed ? HarmattanCli.SomeInputsFailed : HarmattanCli.Ok;
        });
        return command;
    }
}
