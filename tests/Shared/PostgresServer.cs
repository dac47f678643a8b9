using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Harmattan.Tests;

/// <summary>
/// The PostgreSQL server the tests of one test process share: a throwaway cluster this class starts itself
/// on a free loopback port (initdb and pg_ctl from the installed PostgreSQL, in a temporary directory, with
/// fsync off because nothing in it needs to survive a crash), stopped and removed when the process exits.
/// When <c>HARMATTAN_TEST_POSTGRES</c> holds an Npgsql connection string, that server is used instead (its
/// user must be allowed to create databases). Each test takes a database of its own
/// (<see cref="CreateDatabase"/>). Nothing skips: a machine without PostgreSQL fails with a message that
/// says how to install it.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "HARMATTAN_TEST_POSTGRES";

    private static readonly Lazy<Cluster> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's maintenance database, for creating and dropping databases.</summary>
    public static string AdminConnectionString => Instance.Value.Admin;

    /// <summary>
    /// A new empty database; its location as the store takes it: a postgres:// URI on the throwaway cluster,
    /// the given connection string with another database on an external server.
    /// </summary>
    public static (string Name, string Location) CreateDatabase()
    {
        var cluster = Instance.Value;
        var name = "harmattan_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name}");
        var location = cluster.External
            ? new NpgsqlConnectionStringBuilder(cluster.Admin) { Database = name }.ConnectionString
            : $"postgres://postgres@127.0.0.1:{cluster.Port}/{name}";
        return (name, location);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections it still has.</summary>
    public static void DropDatabase(string name) => Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    /// <summary>An open connection to a database made by <see cref="CreateDatabase"/>.</summary>
    public static NpgsqlConnection Connect(string name)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static Cluster Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            var builder = new NpgsqlConnectionStringBuilder(external) { Pooling = false };
            builder.Database ??= "postgres";
            return new Cluster(builder.ConnectionString, builder.Port, External: true);
        }

        var bin = FindBinaries();
        var root = Directory.CreateTempSubdirectory("harmattan-pg-").FullName;
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot)
        {
            // initdb refuses to run as root; the cluster belongs to the postgres user the package created.
            Run("chown", ["postgres:postgres", root], asRoot: false, root);
        }

        var data = Path.Combine(root, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot, root);
        var port = 0;
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"], asRoot, root);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Someone took the port between FreePort and the server binding it: try another.
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, root, asRoot);
        StartReaper(bin, data, root, asRoot);
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        };
        return new Cluster(admin.ConnectionString, port, External: false);
    }

    private static void Stop(string bin, string data, string root, bool asRoot)
    {
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"], asRoot, root);
        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// A shell in a session of its own that waits for this process to end, however it ends (a test host
    /// killed by its runner never runs ProcessExit to the end), then stops the cluster and removes its
    /// directory: no server outlives the test run.
    /// </summary>
    private static void StartReaper(string bin, string data, string root, bool asRoot)
    {
        var stop = (asRoot ? "runuser -u postgres -- " : "") + $"'{Path.Combine(bin, "pg_ctl")}' -D '{data}' -m immediate -w -t 30 stop";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf '{root}'";
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var reaper = Process.Start(start) ?? throw new InvalidOperationException("cannot start the reaper of the test PostgreSQL cluster");
    }

    /// <summary>The newest installed PostgreSQL's programs (Debian keeps them in /usr/lib/postgresql/N/bin), else initdb on the PATH.</summary>
    private static string FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        return debian ?? onPath ?? throw new InvalidOperationException(
            "PostgreSQL is not installed, and the PostgreSQL tests start a server of their own: install it " +
            "(apt-get install postgresql; .ci/run does) or set " + EnvironmentVariable + " to an Npgsql connection " +
            "string of a server whose user may create databases.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asRoot, string workingDirectory)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in two minutes");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(workingDirectory, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "";
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.GetAwaiter().GetResult()}{output.GetAwaiter().GetResult()}\n{tail}");
        }
    }

    private sealed record Cluster(string Admin, int Port, bool External);
}
