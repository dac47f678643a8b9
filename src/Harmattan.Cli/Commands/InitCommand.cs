using System.CommandLine;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary><c>init</c>: creates the knowledge base file, or brings an existing one to the current schema.</summary>
internal static class InitCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("init", "Create the knowledge base (or migrate it to the current schema).");
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            env.Output.WriteLine($"{store.Location}: Harmattan knowledge base, schema version {store.SchemaVersion}");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
