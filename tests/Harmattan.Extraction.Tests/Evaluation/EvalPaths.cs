using System.Diagnostics;

namespace Harmattan.Extraction.Tests.Evaluation;

/// <summary>Where the shared evaluation data lives: ../shared/eval beside the checkout.</summary>
internal static class EvalPaths
{
    public static string RepositoryRoot => Harmattan.Tests.RepositoryRoot.Path;

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
}
