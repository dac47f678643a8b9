using System.CommandLine;
using System.Globalization;
using System.Net;
using Harmattan.Knowledge;
using Harmattan.Server;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>serve [--port 5080] [--bind 127.0.0.1] [--max-upload-mb 20] [--cache-mb 64]</c>: the REST API (and its OpenAPI document) over the same
/// store and data as the other verbs, until Ctrl+C. Binds to the loopback address unless told otherwise.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var port = new Option<int>("--port")
        {
            Description = "The TCP port to listen on.",
            DefaultValueFactory = _ => 5080,
        };
        var bind = new Option<string>("--bind")
        {
            Description = "The IP address to listen on; 0.0.0.0 listens on every interface.",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ADDRESS",
        };
        var maxUpload = new Option<double>("--max-upload-mb")
        {
            Description = "Refuse upload requests larger than this many megabytes (all files together).",
            DefaultValueFactory = _ => 20,
        };
        var cache = CacheOption();
        var command = new Command("serve", "Serve the REST API over the knowledge base (OpenAPI document at /openapi/v1.json).") { port, bind, maxUpload, cache };
        command.SetAction(parse =>
        {
            var portNumber = parse.GetValue(port);
            if (portNumber is < 1 or > 65535)
            {
                throw HarmattanError.BadArgument.At("--port", string.Create(CultureInfo.InvariantCulture, $"{portNumber} is not a port between 1 and 65535"));
            }

            var address = parse.GetValue(bind)!;
            if (!IPAddress.TryParse(address, out var ip))
            {
                throw HarmattanError.BadArgument.At("--bind", $"'{address}' is not an IP address like 127.0.0.1 or ::1");
            }

            var cacheMegabytes = CacheMegabytes(parse, cache);
            var uploadBytes = (long)(parse.GetValue(maxUpload) * 1024 * 1024);
            if (uploadBytes <= 0)
            {
                throw HarmattanError.BadArgument.At("--max-upload-mb", "must be positive");
            }

            // Fail here, with the CLI's message and exit code, rather than on the first request. The server
            // opens the location as given (a relative SQLite path means the same in this process); messages
            // show the store's own description of it, which never carries a password.
            var database = Workspace.Location(parse);
            string shown;
            bool anonymous;
            using (var store = Workspace.OpenStore(parse, env))
            {
                shown = store.Location;
                anonymous = !store.HasUsers();
            }

            var data = Workspace.Data(parse);
            var app = HarmattanServer.Build([], s =>
            {
                s.Database = database;
                s.Data = data.Root;
                s.MaxUploadBytes = uploadBytes;
                s.Bind = address;
                s.CacheMegabytes = cacheMegabytes;
            });
            var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
            var url = string.Create(CultureInfo.InvariantCulture, $"http://{host}:{portNumber}");
            app.Urls.Add(url);
            env.Output.WriteLine($"serving {shown} on {url} (web UI at /, API under /api, OpenAPI at /openapi/v1.json, reference at /scalar/v1); Ctrl+C stops");
            env.Output.WriteLine(anonymous && Harmattan.Server.HarmattanServer.IsLoopback(address)
                ? "no user exists yet and the address is loopback: requests without a token are served with every right (add one with 'harmattan users add NAME --role admin' to require tokens)"
                : anonymous
                    ? "no user exists yet: every request is refused until one is added ('harmattan users add NAME --role admin', then 'harmattan tokens issue NAME')"
                    : "every request needs 'Authorization: Bearer SECRET' (harmattan tokens issue USER)");
            app.Run();
            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary><c>--cache-mb</c>, shared with <c>bench serve</c>.</summary>
    internal static Option<int> CacheOption() => new("--cache-mb")
    {
        Description = "Memory for actors' profiles and timelines kept between two changes of their entity; 0 reads every one from the store.",
        DefaultValueFactory = _ => ServerSettings.DefaultCacheMegabytes,
    };

    internal static int CacheMegabytes(ParseResult parse, Option<int> option) =>
        parse.GetValue(option) is var megabytes and >= 0 ? megabytes : throw HarmattanError.BadArgument.At("--cache-mb", "must be 0 or more");
}
