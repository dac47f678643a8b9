using Harmattan.Server.Auth;
namespace Harmattan.Server;

/// <summary>
/// What the server is configured with (section <c>Harmattan</c>, e.g. <c>--Harmattan:Database=kb.db</c>
/// or the <c>serve</c> verb's options). Read per request, so test hosts can set it late.
/// </summary>
public sealed class ServerSettings
{
    public const string Section = "Harmattan";

    /// <summary>
    /// The knowledge base, as the CLI's <c>--db</c>: an SQLite file or a PostgreSQL location
    /// (<c>postgres://user@host:port/db</c>, an Npgsql connection string). Default: the <c>HARMATTAN_DB</c>
    /// environment variable, else harmattan.db in the working directory.
    /// </summary>
    public string Database { get; set; } =
        Environment.GetEnvironmentVariable("HARMATTAN_DB") is { Length: > 0 } location ? location : "harmattan.db";

    /// <summary>A data folder instead of the bundled one, as the CLI's <c>--data</c>.</summary>
    public string? Data { get; set; }

    /// <summary>
    /// The address the server listens on (<c>serve --bind</c>). Only on a loopback address, and only while the
    /// knowledge base has no user, are requests without a token served.
    /// </summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The largest upload request accepted, all files together; larger ones get 413.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// How much memory answers about one entity (actors' profiles and timelines) may keep, as the JSON sent,
    /// between two changes of that entity (<see cref="EntityAnswerCache"/>); 0 reads every one from the store.
    /// </summary>
    public int CacheMegabytes { get; set; } = DefaultCacheMegabytes;

    /// <summary>What <see cref="CacheMegabytes"/> is unless set.</summary>
    public const int DefaultCacheMegabytes = 64;
}
