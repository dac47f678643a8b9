using Harmattan.Cli;

return HarmattanCli.Run(args, CliEnvironment.FromProcess());
