using Harmattan.Knowledge;
using Npgsql;

namespace Harmattan.Store.Tests;

/// <summary>How a location string picks the backend and what messages show of it.</summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("kb.db")]
    [InlineData("./data/kb.db")]
    [InlineData("/var/lib/harmattan/kb.db")]
    [InlineData("notes=2013.db")]
    [InlineData("postgres.db")]
    public void A_path_is_an_sqlite_file_made_absolute(string path)
    {
        var location = StoreLocation.Parse(path);

        Assert.Equal(StoreBackend.Sqlite, location.Backend);
        Assert.Equal(Path.GetFullPath(path), location.Target);
        Assert.Equal(location.Target, location.Display);
    }

    [Fact]
    public void The_sqlite_prefix_names_a_file()
    {
        var location = StoreLocation.Parse("sqlite:kb/harmattan.db");

        Assert.Equal((StoreBackend.Sqlite, Path.GetFullPath("kb/harmattan.db")), (location.Backend, location.Target));
    }

    [Theory]
    [InlineData("postgres://amina@db.example.org:6543/sahel", "db.example.org", 6543, "amina", "sahel", "postgres://amina@db.example.org:6543/sahel")]
    [InlineData("postgresql://amina@db.example.org/sahel", "db.example.org", 5432, "amina", "sahel", "postgres://amina@db.example.org:5432/sahel")]
    [InlineData("POSTGRES://amina@127.0.0.1:55432/kb", "127.0.0.1", 55432, "amina", "kb", "postgres://amina@127.0.0.1:55432/kb")]
    [InlineData("postgres://am%40ina@[::1]:5433/k%20b", "::1", 5433, "am@ina", "k b", "postgres://am%40ina@::1:5433/k%20b")]
    [InlineData("postgres://amina@%2Fvar%2Frun%2Fpostgresql/kb", "/var/run/postgresql", 5432, "amina", "kb", "postgres://amina@%2Fvar%2Frun%2Fpostgresql/kb")]
    public void A_postgres_uri_becomes_an_npgsql_connection(string uri, string host, int port, string user, string database, string display)
    {
        var location = StoreLocation.Parse(uri);

        Assert.Equal(StoreBackend.Postgres, location.Backend);
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        Assert.Equal((host, port, user, database), (builder.Host, builder.Port, builder.Username, builder.Database));
        Assert.Equal("harmattan", builder.ApplicationName);
        Assert.Equal(display, location.Display);
    }

    [Fact]
    public void A_password_reaches_the_connection_but_never_the_display()
    {
        var location = StoreLocation.Parse("postgres://amina:s3cr%3At@db.example.org/sahel?sslmode=require&application_name=briefing");

        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        Assert.Equal("s3cr:t", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("briefing", builder.ApplicationName);
        Assert.DoesNotContain("s3cr", location.Display, StringComparison.Ordinal);
        Assert.Equal("postgres://amina@db.example.org:5432/sahel", location.Display);
    }

    [Fact]
    public void An_npgsql_connection_string_is_postgres_too()
    {
        var location = StoreLocation.Parse("Host=127.0.0.1;Port=55432;Username=postgres;Password=hunter2;Database=kb");

        Assert.Equal(StoreBackend.Postgres, location.Backend);
        Assert.Equal("hunter2", new NpgsqlConnectionStringBuilder(location.Target).Password);
        Assert.Equal("postgres://postgres@127.0.0.1:55432/kb", location.Display);
    }

    [Fact]
    public void Several_hosts_are_kept_for_npgsql_to_try_in_turn()
    {
        var location = StoreLocation.Parse("postgres://amina@db1:5432,db2:5433/sahel?target_session_attrs=read-write");

        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        Assert.Equal("db1:5432,db2:5433", builder.Host);
        Assert.Equal("read-write", builder.TargetSessionAttributes);
    }

    [Theory]
    [InlineData("postgres://amina:secret@db.example.org:port/sahel")]
    [InlineData("postgres://amina:secret@db.example.org/sahel?no_such_setting=1")]
    public void A_malformed_uri_is_HRM0203_without_its_password(string uri)
    {
        var error = Assert.Throws<HarmattanException>(() => StoreLocation.Parse(uri));

        Assert.Same(HarmattanError.DatabaseUnavailable, error.Error);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("db.example.org", error.Message, StringComparison.Ordinal);
    }
}
