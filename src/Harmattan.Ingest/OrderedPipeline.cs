using System.Runtime.ExceptionServices;

namespace Harmattan.Ingest;

/// <summary>
/// Runs a function over a sequence on several threads and hands the results back in input order, with at
/// most <c>window</c> inputs taken and not yet handed back. However long the sequence, memory holds no more
/// than a window of results: the workers wait when the reader falls behind. (PLINQ's ordered merge has no
/// such bound: an ingest of thousands of files buffered hundreds of megabytes of extractions.)
/// </summary>
/// <remarks>
/// The source is read under a lock, one input at a time, so it needs not be thread-safe. An exception from
/// the source or the function is thrown by <see cref="Take"/> in its place in the order, after every result
/// before it. Dispose stops the workers and waits for them.
/// </remarks>
internal sealed class OrderedPipeline<TInput, TResult> : IDisposable
{
    private readonly IEnumerator<TInput> _source;
    private readonly Func<TInput, TResult> _function;
    private readonly int _window;
    private readonly Lock _sourceLock = new();
    private readonly object _gate = new();
    private readonly TResult[] _results;
    private readonly Exception?[] _errors;
    private readonly bool[] _ready;
    private readonly Task[] _workers;
    private long _taken;
    private long _handed;
    private bool _sourceDone;
    private bool _stopped;

    public OrderedPipeline(IEnumerable<TInput> source, Func<TInput, TResult> function, int threads, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, threads);
        _source = source.GetEnumerator();
        _function = function;
        _window = window;
        _results = new TResult[window];
        _errors = new Exception?[window];
        _ready = new bool[window];
        _workers = Enumerable.Range(0, threads)
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
    }

    /// <summary>
    /// The next results in input order: waits for the next one, then takes those after it that are ready
    /// too, up to <paramref name="most"/>. Empty once every input was handed back.
    /// </summary>
    public List<TResult> Take(int most)
    {
        var taken = new List<TResult>();
        lock (_gate)
        {
            while (taken.Count < most)
            {
                var slot = (int)(_handed % _window);
                while (!_ready[slot] && !(_sourceDone && _handed >= _taken) && taken.Count == 0)
                {
                    Monitor.Wait(_gate);
                }

                if (!_ready[slot])
                {
                    break;
                }

                if (_errors[slot] is { } error)
                {
                    if (taken.Count > 0)
                    {
                        break;
                    }

                    _errors[slot] = null;
                    _ready[slot] = false;
                    _handed++;
                    Monitor.PulseAll(_gate);
                    ExceptionDispatchInfo.Capture(error).Throw();
                }

                taken.Add(_results[slot]);
                _results[slot] = default!;
                _ready[slot] = false;
                _handed++;
                Monitor.PulseAll(_gate);
            }
        }

        return taken;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        Task.WaitAll(_workers);
        _source.Dispose();
    }

    private void Work()
    {
        while (true)
        {
            long sequence;
            TInput input;
            lock (_sourceLock)
            {
                lock (_gate)
                {
                    while (_taken - _handed >= _window && !_stopped)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopped || _sourceDone)
                    {
                        return;
                    }
                }

                sequence = _taken;
                try
                {
                    if (!_source.MoveNext())
                    {
                        Finish();
                        return;
                    }

                    input = _source.Current;
                }
                catch (Exception e)
                {
                    // The source failed: its error takes the next place in the order, and nothing follows it.
                    Publish(sequence, default!, e, last: true);
                    return;
                }

                lock (_gate)
                {
                    _taken++;
                }
            }

            try
            {
                Publish(sequence, _function(input), null, last: false);
            }
            catch (Exception e)
            {
                Publish(sequence, default!, e, last: false);
            }
        }
    }

    private void Finish()
    {
        lock (_gate)
        {
            _sourceDone = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Publish(long sequence, TResult result, Exception? error, bool last)
    {
        lock (_gate)
        {
            if (last)
            {
                _taken++;
                _sourceDone = true;
            }

            var slot = (int)(sequence % _window);
            _results[slot] = result;
            _errors[slot] = error;
            _ready[slot] = true;
            Monitor.PulseAll(_gate);
        }
    }
}
