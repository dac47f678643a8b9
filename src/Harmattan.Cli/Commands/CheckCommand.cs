using System.CommandLine;

namespace Harmattan.Cli.Commands;

/// <summary><c>check</c>: is the knowledge base whole (after a crash, a killed ingest, a copy)? Exit 1 when it is not.</summary>
internal static class CheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("check", "Check the knowledge base is consistent: database integrity, references, full-text indexes.");
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var problems = store.CheckConsistency();
            foreach (var problem in problems)
            {
                env.Error.WriteLine(problem);
            }

            env.Output.WriteLine(problems.Count == 0
                ? $"{store.Location}: consistent ({store.CountDocuments()} documents)"
                : $"{store.Location}: {problems.Count} problems");
            return problems.Count == 0 ? HarmattanCli.Ok : 1;
        });
        return command;
    }
}
