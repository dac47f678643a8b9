using Harmattan.Server;

HarmattanServer.Build(args).Run();

/// <summary>The entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
