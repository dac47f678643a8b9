using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Harmattan.Extraction.Tests.Evaluation;

/// <summary>Where the shared evaluation data lives: ../shared/eval beside the checkout.</summary>
internal static class EvalPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string EvalDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "eval"));

    public static string DevDirectory => Path.Combine(EvalDirectory, "dev");

    public static string ScoreScript => Path.Combine(EvalDirectory, "score.py");

    /// <summary>Runs python3 with <paramref name="arguments"/> and returns its standard output; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunPythonAsync(IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            StandardOutputEncoding = new System.Text.UTF8Encoding(false),
            StandardInputEncoding = input is null ? null : new System.Text.UTF8Encoding(false),
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python3 exited with {process.ExitCode}: {await stderr}");
        return stdout;
    }

    // The build may write its output far from the checkout (--artifacts-path), so the source file's
    // own path is the fallback.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Harmattan.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Harmattan.slnx not found above " + AppContext.BaseDirectory);
    }
}
