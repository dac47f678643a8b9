namespace Harmattan.Knowledge.Tests;

public sealed class DataDirectoryTests
{
    [Fact]
    public void Default_is_the_data_folder_next_to_the_binary()
    {
        var data = DataDirectory.Locate(null);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data"), data.Root);
        Assert.True(Directory.Exists(data.SchemaPath));
        Assert.Contains("sahel", data.Regions());
        Assert.Contains("global", data.Regions());
    }

    [Fact]
    public void A_missing_explicit_folder_is_HRM0301()
    {
        var missing = Path.Combine(Path.GetTempPath(), "harmattan-no-such-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<HarmattanException>(() => DataDirectory.Locate(missing));
        Assert.Equal("HRM0301", e.Error.Code);
        Assert.Equal(missing, e.Subject);
    }
}
