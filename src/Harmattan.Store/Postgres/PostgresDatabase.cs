using System.Net.Sockets;
using Harmattan.Knowledge;
using Npgsql;

namespace Harmattan.Store.Postgres;

/// <summary>
/// Connects to a PostgreSQL server for the store and maps what can go wrong onto the HRM02xx catalogue.
/// Messages name the server as <c>postgres://user@host:port/database</c> and never carry the password.
/// </summary>
internal static class PostgresDatabase
{
    // PostgreSQL error codes (Appendix A of its manual).
    private const string InvalidCatalogName = "3D000";
    private const string InvalidPassword = "28P01";
    private const string InvalidAuthorization = "28000";

    /// <summary>Statements each PostgreSQL connection keeps prepared, the most used first (Npgsql's Max Auto Prepare).</summary>
    public const int AutoPreparedStatements = 100;

    /// <summary>
    /// The connection settings of a location: as given, with Npgsql's automatic preparation on unless the location
    /// sets <c>Max Auto Prepare</c> itself. A statement run a few times on a connection is then parsed and planned
    /// once: a server's requests, an ingest's statements per document.
    /// </summary>
    public static NpgsqlConnectionStringBuilder Settings(StoreLocation location)
    {
        var settings = new NpgsqlConnectionStringBuilder(location.Target);
        if (!settings.Keys.Cast<string>().Contains("Max Auto Prepare", StringComparer.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }

        return settings;
    }

    public static NpgsqlConnection Open(StoreLocation location)
    {
        var connection = new NpgsqlConnection(Settings(location).ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw Translate(e, location.Display);
        }
    }

    /// <summary>A connection from the pool of a <see cref="KnowledgeStoreSource"/>'s data source.</summary>
    public static NpgsqlConnection Open(NpgsqlDataSource dataSource, string display)
    {
        try
        {
            return dataSource.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Translate(e, display);
        }
    }

    /// <summary>The catalogued error for a failure while connecting or migrating.</summary>
    public static HarmattanException Translate(Exception e, string display) => e switch
    {
        PostgresException { SqlState: InvalidCatalogName } p =>
            HarmattanError.DatabaseUnavailable.At(display, $"{p.MessageText}: create it first (createdb, or CREATE DATABASE)", e),
        PostgresException { SqlState: InvalidPassword or InvalidAuthorization } p =>
            HarmattanError.DatabaseUnavailable.At(display, $"the server refused the login: {p.MessageText}", e),
        PostgresException p =>
            HarmattanError.DatabaseUnavailable.At(display, $"{p.MessageText} ({p.SqlState})", e),
        _ when Unreachable(e) is { } reason =>
            HarmattanError.DatabaseUnavailable.At(display, $"cannot reach the server: {reason}", e),
        // Connected, but what answered does not speak PostgreSQL's protocol (another service on that port).
        NpgsqlException => HarmattanError.NotHarmattanDatabase.At(display, $"it does not answer as a PostgreSQL server ({e.Message})", e),
        _ => HarmattanError.DatabaseUnavailable.At(display, e.Message, e),
    };

    /// <summary>Why the server could not be reached (refused, unknown host, timed out), or null when it was.</summary>
    private static string? Unreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket:
                    return socket.Message;
                case TimeoutException:
                    return "the connection timed out";
                case IOException io when io.InnerException is null:
                    return io.Message;
            }
        }

        return null;
    }
}
