namespace Harmattan.Ingest.Tests;

public sealed class OrderedPipelineTests
{
    /// <summary>A source that counts what was taken from it, and a function that waits for its input's turn.</summary>
    private sealed class Counting(int count)
    {
        public int Taken;

        public IEnumerable<int> Source()
        {
            for (var i = 0; i < count; i++)
            {
                Interlocked.Increment(ref Taken);
                yield return i;
            }
        }
    }

    private static List<T> Drain<T>(OrderedPipeline<int, T> pipeline, int most, Action<List<T>>? onBatch = null)
    {
        var all = new List<T>();
        while (pipeline.Take(most) is { Count: > 0 } batch)
        {
            onBatch?.Invoke(batch);
            all.AddRange(batch);
        }

        return all;
    }

    [Fact]
    public void Results_come_back_in_input_order_however_long_each_takes()
    {
        var source = new Counting(500);
        using var pipeline = new OrderedPipeline<int, int>(
            source.Source(),
            i =>
            {
                // Later inputs often finish first.
                Thread.SpinWait((i * 7919 % 13) * 1000);
                return i * 2;
            },
            threads: 4,
            window: 16);

        var results = Drain(pipeline, most: 5, batch => Assert.InRange(batch.Count, 1, 5));

        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), results);
    }

    [Fact]
    public void No_more_than_the_window_is_taken_ahead_of_the_reader()
    {
        var source = new Counting(1000);
        using var pipeline = new OrderedPipeline<int, int>(source.Source(), i => i, threads: 3, window: 8);
        var handed = 0;

        while (pipeline.Take(2) is { Count: > 0 } batch)
        {
            handed += batch.Count;
            // A slow reader: the workers fill the window and must stop there.
            Thread.Sleep(1);
            Assert.InRange(Volatile.Read(ref source.Taken) - handed, 0, 8);
        }

        Assert.Equal(1000, handed);
    }

    [Fact]
    public void A_failure_of_the_function_is_thrown_in_its_place_after_the_results_before_it()
    {
        using var pipeline = new OrderedPipeline<int, int>(
            Enumerable.Range(0, 50),
            i => i == 20 ? throw new InvalidOperationException("input 20") : i,
            threads: 2,
            window: 10);
        var before = new List<int>();

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            while (pipeline.Take(7) is { Count: > 0 } batch)
            {
                before.AddRange(batch);
            }
        });

        Assert.Equal("input 20", error.Message);
        Assert.Equal(Enumerable.Range(0, 20), before);
        // The inputs after it are still handed back.
        Assert.Equal(Enumerable.Range(21, 29), Drain(pipeline, most: 100));
    }

    [Fact]
    public void A_failure_of_the_source_ends_the_sequence_after_what_it_gave()
    {
        static IEnumerable<int> Broken()
        {
            for (var i = 0; i < 10; i++)
            {
                yield return i;
            }

            throw new IOException("the folder went away");
        }

        using var pipeline = new OrderedPipeline<int, int>(Broken(), i => i, threads: 2, window: 4);
        var before = new List<int>();

        var error = Assert.Throws<IOException>(() =>
        {
            while (pipeline.Take(3) is { Count: > 0 } batch)
            {
                before.AddRange(batch);
            }
        });

        Assert.Equal("the folder went away", error.Message);
        Assert.Equal(Enumerable.Range(0, 10), before);
        Assert.Empty(pipeline.Take(3));
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_workers()
    {
        var source = new Counting(1_000_000);
        var pipeline = new OrderedPipeline<int, int>(source.Source(), i => i, threads: 2, window: 6);

        // Take hands back what is ready after the first, so under load one call may return fewer than three.
        var first = new List<int>();
        while (first.Count < 3)
        {
            first.AddRange(pipeline.Take(3 - first.Count));
        }

        Assert.Equal([0, 1, 2], first);
        pipeline.Dispose();

        var taken = Volatile.Read(ref source.Taken);
        Assert.InRange(taken, 3, 3 + 6 + 2);
        Thread.Sleep(20);
        Assert.Equal(taken, Volatile.Read(ref source.Taken));
    }

    [Fact]
    public void An_empty_source_gives_nothing()
    {
        using var pipeline = new OrderedPipeline<int, int>([], i => i, threads: 2, window: 4);

        Assert.Empty(pipeline.Take(10));
        Assert.Empty(pipeline.Take(10));
    }
}
