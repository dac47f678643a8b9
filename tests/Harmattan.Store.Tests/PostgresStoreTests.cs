namespace Harmattan.Store.Tests;

/// <summary>The store contract on PostgreSQL databases, on a server the test run starts itself.</summary>
public sealed class PostgresStoreTests : StoreContract<PostgresStoreFixture>;
