namespace Harmattan.Store.Tests;

/// <summary>The texts an export keeps between lots: bounded by their length, the least recently used dropped first.</summary>
public sealed class TextCacheTests
{
    [Fact]
    public void The_least_recently_used_texts_go_first_once_the_capacity_is_passed()
    {
        var cache = new TextCache(capacityChars: 10);
        cache.Add("a", "aaaa");
        cache.Add("b", "bbbb");
        Assert.Equal("aaaa", cache.Get("a")); // a is now the most recent

        cache.Add("c", "cccc"); // 12 characters: b, the least recent, goes

        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("c"));
    }

    [Fact]
    public void A_text_longer_than_the_capacity_is_not_kept_and_drops_nothing()
    {
        var cache = new TextCache(capacityChars: 10);
        cache.Add("a", "aaaa");
        cache.Add("long", new string('x', 11));
        Assert.False(cache.Contains("long"));
        Assert.True(cache.Contains("a"));
    }
}
