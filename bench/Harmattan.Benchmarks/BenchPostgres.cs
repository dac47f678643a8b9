using Npgsql;

namespace Harmattan.Benchmarks;

/// <summary>Throwaway databases on the server <c>HARMATTAN_BENCH_POSTGRES</c> names, one per benchmark iteration.</summary>
internal static class BenchPostgres
{
    private static string Server => Environment.GetEnvironmentVariable("HARMATTAN_BENCH_POSTGRES")?.TrimEnd('/')
        ?? throw new InvalidOperationException("HARMATTAN_BENCH_POSTGRES is not set");

    /// <summary>Creates an empty database and returns its location for KnowledgeStore.Open.</summary>
    public static string CreateDatabase()
    {
        var name = $"harmattan_bench_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE {name}");
        return $"{Server}/{name}";
    }

    public static void DropDatabase(string location)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {location[(location.LastIndexOf('/') + 1)..]} WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        var uri = new Uri(Server + "/postgres");
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            Database = "postgres",
        };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
