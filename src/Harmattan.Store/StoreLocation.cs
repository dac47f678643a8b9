using System.Globalization;
using System.Text;
using Harmattan.Knowledge;
using Npgsql;

namespace Harmattan.Store;

/// <summary>Which database holds a knowledge base.</summary>
internal enum StoreBackend
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where a knowledge base lives, as the user wrote it (<c>--db</c>, <c>HARMATTAN_DB</c>, the server's
/// <c>Harmattan:Database</c>): a file path or <c>sqlite:PATH</c> for SQLite; a <c>postgres://</c> or
/// <c>postgresql://</c> URI (libpq's form) or an Npgsql connection string (<c>Host=...;Database=...</c>)
/// for PostgreSQL. <see cref="Display"/> is what messages show: the full path, or
/// <c>postgres://user@host:port/database</c>, never a password.
/// </summary>
internal sealed record StoreLocation(StoreBackend Backend, string Target, string Display)
{
    /// <summary>URI query parameters (libpq's names) and the Npgsql setting each one is.</summary>
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["search_path"] = "Search Path",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["host"] = "Host",
        ["port"] = "Port",
    };

    public static StoreLocation Parse(string location)
    {
        var trimmed = location.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUri(trimmed));
        }

        if (trimmed.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = trimmed["sqlite:".Length..];
            return string.IsNullOrWhiteSpace(path)
                ? throw HarmattanError.DatabaseUnavailable.At(location, "sqlite: names no file")
                : Sqlite(path);
        }

        return IsConnectionString(trimmed, out var builder) ? Postgres(builder) : Sqlite(location);
    }

    private static StoreLocation Sqlite(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return new StoreLocation(StoreBackend.Sqlite, fullPath, fullPath);
    }

    private static StoreLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        // Say who is connecting in pg_stat_activity, unless the location already does.
        builder.ApplicationName ??= "harmattan";
        return new StoreLocation(StoreBackend.Postgres, builder.ConnectionString, Describe(builder));
    }

    /// <summary>An Npgsql connection string names a host; a file name with '=' in it does not parse as one.</summary>
    private static bool IsConnectionString(string text, out NpgsqlConnectionStringBuilder builder)
    {
        builder = new NpgsqlConnectionStringBuilder();
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            builder.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return !string.IsNullOrEmpty(builder.Host);
    }

    /// <summary>postgres://[user[:password]@][host[:port][,host[:port]...]][/database][?name=value&amp;...], percent-encoded as libpq reads it.</summary>
    private static NpgsqlConnectionStringBuilder FromUri(string uri)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var builder = new NpgsqlConnectionStringBuilder();
        var query = "";
        var questionMark = rest.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? "" : Decode(uri, rest[(slash + 1)..]);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(uri, colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Decode(uri, userInfo[(colon + 1)..]);
            }
        }

        if (authority.Length > 0)
        {
            var hosts = authority.Split(',');
            if (hosts.Length == 1)
            {
                var (host, port) = SplitPort(uri, hosts[0]);
                builder.Host = host;
                if (port is not null)
                {
                    builder.Port = port.Value;
                }
            }
            else
            {
                // Npgsql takes several hosts as host:port pairs in one Host setting.
                builder.Host = string.Join(",", hosts.Select(h => Decode(uri, h)));
            }
        }

        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            // libpq's default: PGHOST, else the local server.
            builder.Host = Environment.GetEnvironmentVariable("PGHOST") is { Length: > 0 } host ? host : "localhost";
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(uri, equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(uri, pair[(equals + 1)..]);
            try
            {
                builder[UriParameters.TryGetValue(name, out var setting) ? setting : name] = value;
            }
            catch (ArgumentException e)
            {
                throw HarmattanError.DatabaseUnavailable.At(Describe(builder), $"the location's parameter '{name}' is not a PostgreSQL connection setting Npgsql knows", e);
            }
        }

        return builder;
    }

    private static (string Host, int? Port) SplitPort(string uri, string hostPort)
    {
        var decoded = hostPort;
        string host;
        string? port = null;
        if (decoded.StartsWith('['))
        {
            // An IPv6 address: [::1]:5432
            var close = decoded.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? decoded : decoded[1..close];
            if (close >= 0 && close + 1 < decoded.Length && decoded[close + 1] == ':')
            {
                port = decoded[(close + 2)..];
            }
        }
        else
        {
            var colon = decoded.LastIndexOf(':');
            host = colon < 0 ? decoded : decoded[..colon];
            port = colon < 0 ? null : decoded[(colon + 1)..];
        }

        host = Decode(uri, host);
        if (string.IsNullOrEmpty(port))
        {
            return (host, null);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
            ? (host, number)
            : throw HarmattanError.DatabaseUnavailable.At(Redact(uri), $"'{port}' is not a port number");
    }

    private static string Decode(string uri, string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException e)
        {
            throw HarmattanError.DatabaseUnavailable.At(Redact(uri), "the location is not a valid postgres:// URI", e);
        }
    }

    /// <summary>postgres://user@host:port/database: what a message may show of a PostgreSQL location.</summary>
    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var text = new StringBuilder("postgres://");
        if (!string.IsNullOrEmpty(builder.Username))
        {
            text.Append(Uri.EscapeDataString(builder.Username)).Append('@');
        }

        var host = builder.Host ?? "";
        text.Append(host.Contains('/', StringComparison.Ordinal) ? Uri.EscapeDataString(host) : host);
        if (!host.Contains(',', StringComparison.Ordinal) && !host.Contains('/', StringComparison.Ordinal))
        {
            text.Append(':').Append(builder.Port.ToString(CultureInfo.InvariantCulture));
        }

        text.Append('/').Append(Uri.EscapeDataString(builder.Database ?? ""));
        return text.ToString();
    }

    /// <summary>A URI with its password (if any) taken out, for a message about a URI that did not parse.</summary>
    private static string Redact(string uri)
    {
        var start = uri.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = uri.IndexOf('@', start);
        var colon = uri.IndexOf(':', start);
        return at > 0 && colon > 0 && colon < at ? uri[..colon] + uri[at..] : uri;
    }
}
