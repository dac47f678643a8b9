using System.Text;

namespace Harmattan.Cli.Tests;

/// <summary>Runs the real CLI in process against real files, capturing what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(string workingDirectory, params string[] args) => WithStdin(workingDirectory, "", args);

    /// <summary>A run with environment variables set (null removes one) for its duration only.</summary>
    public static CliRun WithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        lock (CurrentDirectoryLock)
        {
            var previous = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            try
            {
                return Of(workingDirectory, args);
            }
            finally
            {
                foreach (var (name, value) in previous)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }
            }
        }
    }

    public static CliRun WithStdin(string workingDirectory, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), interactive: false);
        lock (CurrentDirectoryLock)
        {
            // Read inside the lock: outside it, another test class's run may have set (and since
            // deleted) its own folder as the working directory.
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                var code = HarmattanCli.Run(args, env);
                return new CliRun(code, output.ToString(), error.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }

    /// <summary>The working directory and the environment are process-wide; runs that depend on them take turns (the lock is re-entrant).</summary>
    private static readonly Lock CurrentDirectoryLock = new();
}

/// <summary>A temporary folder for one test, deleted afterwards, and the repository's sample reports.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harmattan-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string Bytes(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public static string SampleReports => Harmattan.Tests.RepositoryRoot.SampleReports;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow filesystem is left for the OS temp cleaner.
        }
    }
}
