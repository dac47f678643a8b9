namespace Harmattan.Store.Tests;

/// <summary>The store contract on SQLite files.</summary>
public sealed class SqliteStoreTests : StoreContract<SqliteStoreFixture>;
