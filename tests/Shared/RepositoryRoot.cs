using System.Reflection;

namespace Harmattan.Tests;

/// <summary>
/// The checkout the tests were built from, recorded by <c>tests/Directory.Build.props</c> as assembly
/// metadata (<c>Harmattan.RepositoryRoot</c>). Compiled into every test project, so the answer does not
/// depend on where the binaries were written or run from.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> LazyPath = new(Find);

    /// <summary>The absolute path of the folder holding <c>Harmattan.slnx</c>.</summary>
    public static string Path => LazyPath.Value;

    /// <summary><c>samples/reports</c>: the sample reports we wrote.</summary>
    public static string SampleReports => System.IO.Path.Combine(Path, "samples", "reports");

    private static string Find()
    {
        var value = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "Harmattan.RepositoryRoot")?.Value
            ?? throw new InvalidOperationException(
                $"{typeof(RepositoryRoot).Assembly.GetName().Name} has no Harmattan.RepositoryRoot metadata; build it through tests/Directory.Build.props");
        var root = System.IO.Path.GetFullPath(value);
        if (!File.Exists(System.IO.Path.Combine(root, "Harmattan.slnx")))
        {
            throw new InvalidOperationException($"the recorded repository root {root} holds no Harmattan.slnx; rebuild the tests from the checkout");
        }

        return root;
    }
}
